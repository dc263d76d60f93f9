using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole.SignIn;

/// <summary>
/// Authenticates a request from the session cookie, and gives it the roles the user has in
/// <c>Roles:*</c> right now: taking someone off the lists locks them out on their next request.
/// Not signed in and not allowed both answer 403 (there is no login form to redirect to).
/// </summary>
internal sealed class SessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ConsoleSessions sessions,
    ConsoleRoles roles)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "CorpusBotConsole";
    public const string CookieName = "corpusbot_console";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var id))
        {
            return AuthenticateResult.NoResult();
        }

        if (await sessions.FindAsync(id, Context.RequestAborted) is not { } userId)
        {
            return AuthenticateResult.Fail("No such session, or it has expired.");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture)) };
        claims.AddRange(roles.Of(userId).Select(role => new Claim(ClaimTypes.Role, role)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
