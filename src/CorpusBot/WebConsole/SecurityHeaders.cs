using Microsoft.AspNetCore.Http;

namespace CorpusBot.WebConsole;

/// <summary>
/// Headers on every response: no scripts at all (the console needs none), no framing, no referrer (a
/// sign-in link must not leak through one), and no caching of pages that show private data.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // Both directives (and Pragma) as antiforgery wants them: otherwise it rewrites the headers and logs a
        // warning on every page that carries a form.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        return next(context);
    }
}
