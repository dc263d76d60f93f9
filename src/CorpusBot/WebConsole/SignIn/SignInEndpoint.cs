using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Moderation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole.SignIn;

/// <summary>
/// GET /signin?token=…: a plain GET (the click from Telegram) redeems the one-time link, starts a
/// session and redirects home. Every attempt is audited; a refusal is a 403 page that says what to do.
/// </summary>
internal sealed class SignInEndpoint(
    SignInLinks links,
    ConsoleSessions sessions,
    ConsoleRoles roles,
    SqliteConnectionFactory connections,
    IOptions<ConsoleOptions> options,
    TimeProvider clock,
    ILogger<SignInEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var redemption = await links.RedeemAsync(context.Request.Query["token"].ToString(), cancellationToken);
        string? refusal = redemption.Failure switch
        {
            RedemptionFailure.Unknown => "unknown link",
            RedemptionFailure.Expired => "expired link",
            RedemptionFailure.AlreadyUsed => "link already used",
            _ => redemption.UserId is { } id && !roles.IsStaff(id) ? "no role" : null,
        };

        var actor = redemption.UserId is { } user ? ModerationStore.Actor(user) : "web:" + address;
        await AuditAsync(actor, refusal is null ? "console-sign-in" : "console-sign-in-refused", refusal ?? "from " + address, cancellationToken);
        if (refusal is not null)
        {
            ConsoleLog.SignInRefused(logger, refusal, address);
            return Results.Content(StatusPages.Html(StatusCodes.Status403Forbidden, SignInRefusedText(redemption.Failure)), "text/html; charset=utf-8", null, StatusCodes.Status403Forbidden);
        }

        var (sessionId, expires) = await sessions.StartAsync(redemption.UserId!.Value, cancellationToken);
        context.Response.Cookies.Append(SessionAuthentication.CookieName, sessionId, new CookieOptions
        {
            HttpOnly = true,
            // Behind a TLS proxy Kestrel sees http, but the browser is on https: the public address decides too.
            Secure = context.Request.IsHttps || options.Value.PublicBase.Scheme == Uri.UriSchemeHttps,
            // Strict would drop the cookie on the redirect that follows a click from Telegram; every
            // change is a POST with an antiforgery token, which is what protects it.
            SameSite = SameSiteMode.Lax,
            Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
            Expires = expires,
            IsEssential = true,
        });
        ConsoleLog.SignedIn(logger, redemption.UserId.Value);
        // Relative to the path base, so the token never stays in the address bar or in history.
        return Results.Redirect(context.Request.PathBase + "/");
    }

    private static string SignInRefusedText(RedemptionFailure failure) => failure switch
    {
        RedemptionFailure.Expired => "This sign-in link has expired. Send /console to the bot for a new one.",
        RedemptionFailure.AlreadyUsed => "This sign-in link has already been used. Each link works once: send /console to the bot for a new one.",
        RedemptionFailure.None => "You are not a moderator or maintainer of this bot.",
        _ => "This is not a valid sign-in link. Send /console to the bot in a private chat for one.",
    };

    private Task<int> AuditAsync(string actor, string action, string detail, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), actor, action, null, detail, cancellationToken);
                return 0;
            },
            cancellationToken);
}
