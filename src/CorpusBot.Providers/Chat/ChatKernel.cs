using CorpusBot.Providers.Hosting;
using Microsoft.SemanticKernel;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// The Semantic Kernel that runs the answer prompt: the OpenAI connector on the resilient chat
/// HttpClient. It gets no logger factory, so neither the kernel nor the connector can log prompts.
/// </summary>
internal static class ChatKernel
{
    public static Kernel Create(ChatOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = Kernel.CreateBuilder();
        if (options.IsEnabled)
        {
            var client = OpenAIClientFactory.Create(options.Endpoint!, options.ApiKey, httpClient);
            builder.AddOpenAIChatCompletion(options.Model!, client);
        }

        return builder.Build();
    }
}
