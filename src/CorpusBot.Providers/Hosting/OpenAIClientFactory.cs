using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace CorpusBot.Providers.Hosting;

/// <summary>
/// An OpenAI SDK client on our resilient HttpClient, with the SDK's own retries and timeout off:
/// Polly on the HttpClient is the one retry layer, so attempts never multiply.
/// </summary>
internal static class OpenAIClientFactory
{
    /// <summary>Sent when no key is configured: keyless servers (Ollama, vLLM, LM Studio) ignore it.</summary>
    public const string NoKey = "no-key";

    public static OpenAIClient Create(string endpoint, string? apiKey, HttpClient httpClient)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(endpoint),
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(apiKey) ? NoKey : apiKey), options);
    }
}
