using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CorpusBot.WebConsole;

/// <summary>Small pages for refusals and errors (403, 404, 400, 429), so nobody is left with a blank screen.</summary>
internal static class StatusPages
{
    public static string Html(int status, string message) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{status}} · CorpusBot console</title><link rel="stylesheet" href="console.css"></head>
        <body><main class="status-page"><h1>{{Title(status)}}</h1><p>{{WebUtility.HtmlEncode(message)}}</p></main></body></html>
        """;

    /// <summary>Fills in a body for bare status codes (an authorization refusal, a failed antiforgery check).</summary>
    public static async Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var message = response.StatusCode switch
        {
            StatusCodes.Status403Forbidden => "You are not signed in, or not allowed to see this page. Moderators and maintainers get a sign-in link by sending /console to the bot in a private chat.",
            StatusCodes.Status404NotFound => "There is nothing at this address.",
            StatusCodes.Status400BadRequest => "The form could not be accepted (it may have expired). Go back, reload the page and try again.",
            StatusCodes.Status429TooManyRequests => "Too many attempts. Wait a minute and try again.",
            _ => "Something went wrong.",
        };
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Html(response.StatusCode, message), context.HttpContext.RequestAborted);
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status403Forbidden => "Not allowed",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status429TooManyRequests => "Slow down",
        _ => "Error",
    };
}
