using System.ClientModel;
using System.Net;
using Microsoft.SemanticKernel;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CorpusBot.Providers.Resilience;

/// <summary>Says in a few words why a model call failed, and keeps secrets out of exception chains.</summary>
internal static class ModelFailure
{
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BrokenCircuitException broken:
                    return broken.RetryAfter is { } wait
                        ? $"too many recent failures, calls paused for {Math.Ceiling(wait.TotalSeconds)} s"
                        : "too many recent failures, calls paused";
                case TimeoutRejectedException timeout:
                    return $"no reply within {timeout.Timeout.TotalSeconds:0.#} s";
                case HttpOperationException { StatusCode: { } status }:
                    return Status(status);
                case ClientResultException { Status: > 0 } result:
                    return Status((HttpStatusCode)result.Status);
                case HttpRequestException { StatusCode: { } status }:
                    return Status(status);
                case HttpRequestException:
                    return "the endpoint could not be reached";
                default:
                    break;
            }
        }

        return exception is OperationCanceledException ? "the call was cancelled or timed out" : $"unexpected {exception.GetType().Name}";
    }

    /// <summary>True when any message in the chain mentions the secret; such an exception is not attached as inner.</summary>
    public static bool Mentions(Exception exception, string? secret)
    {
        for (var e = exception; e is not null && !string.IsNullOrEmpty(secret); e = e.InnerException)
        {
            if (e.Message.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Status(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"HTTP {(int)status}: the API key was rejected (check the ApiKey setting)",
        HttpStatusCode.NotFound => "HTTP 404: wrong endpoint path or model name",
        HttpStatusCode.TooManyRequests => "HTTP 429: rate limited",
        _ => $"HTTP {(int)status}",
    };
}
