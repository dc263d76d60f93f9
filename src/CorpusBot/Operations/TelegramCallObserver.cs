using System.Net;
using CorpusBot.Core.Diagnostics;

namespace CorpusBot.Operations;

/// <summary>
/// Sits in the Bot API HttpClient and notes each call's outcome for readiness and metrics, by API
/// method name only: the URL carries the token, so it is never logged or used as a label.
/// </summary>
internal sealed class TelegramCallObserver(TelegramActivity activity, CorpusBotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = MethodOf(request.RequestUri);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // our own shutdown or a caller's timeout, not Telegram's fault
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            activity.Failed(method, e is HttpRequestException h && h.HttpRequestError != HttpRequestError.Unknown ? $"network error ({h.HttpRequestError})" : "network error or timeout");
            metrics.TelegramCallFailed(method, null);
            throw;
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            activity.Succeeded();
        }
        else
        {
            metrics.TelegramCallFailed(method, status);
            if (status >= 500 || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound)
            {
                activity.Failed(method, $"HTTP {status} {response.ReasonPhrase}");
            }
        }

        return response;
    }

    /// <summary>"getUpdates" from https://api.telegram.org/bot&lt;token&gt;/getUpdates; "file" for downloads.</summary>
    internal static string MethodOf(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments.Length >= 1 && segments[0] == "file")
        {
            return "file";
        }

        return segments.Length >= 2 && segments[^2].StartsWith("bot", StringComparison.Ordinal) && IsMethodName(segments[^1]) ? segments[^1] : "other";
    }

    private static bool IsMethodName(string s) => s.Length is > 0 and <= 40 && s.All(char.IsAsciiLetter);
}
