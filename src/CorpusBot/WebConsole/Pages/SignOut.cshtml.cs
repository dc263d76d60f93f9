using CorpusBot.WebConsole.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CorpusBot.WebConsole.Pages;

/// <summary>POST /signout: ends the session server-side (the cookie is useless afterwards) and clears the cookie.</summary>
[AllowAnonymous]
internal sealed class SignOutModel(ConsoleSessions sessions) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sessions.EndAsync(Request.Cookies[SessionAuthentication.CookieName], cancellationToken);
        Response.Cookies.Delete(SessionAuthentication.CookieName, new Microsoft.AspNetCore.Http.CookieOptions { Path = Request.PathBase.HasValue ? Request.PathBase.Value : "/" });
        return Content(StatusPages.Html(200, "You are signed out. Send /console to the bot for a new sign-in link."), "text/html; charset=utf-8");
    }
}
