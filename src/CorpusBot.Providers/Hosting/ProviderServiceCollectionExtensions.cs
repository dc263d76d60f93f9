using CorpusBot.Core.Answering;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Storage;
using CorpusBot.Providers.Chat;
using CorpusBot.Providers.Embeddings;
using CorpusBot.Providers.Embeddings.Onnx;
using CorpusBot.Providers.Embeddings.OpenAI;
using CorpusBot.Providers.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ChatOptions = CorpusBot.Providers.Chat.ChatOptions;

namespace CorpusBot.Providers.Hosting;

/// <summary>
/// Model providers: the embedder chosen by Embeddings:Provider (Onnx, OpenAI; Builtin and Lexical from the core) and the
/// answerer chosen by Chat:Provider (None = extractive, OpenAI = LLM with verified quotes).
/// The choice is made from bound options when first resolved, so it can be called before or
/// after AddCorpusBotCore; it replaces the core's defaults either way.
/// </summary>
public static class ProviderServiceCollectionExtensions
{
    public static IServiceCollection AddCorpusBotProviders(this IServiceCollection services)
    {
        // The model pipelines' timeouts, back-off and Retry-After waits run on this clock (the resilience pipelines take
        // it from DI), so tests drive them with a FakeTimeProvider instead of sleeping.
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptionsWithValidateOnStart<ChatOptions>().BindConfiguration(ChatOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>();
        services.AddOptionsWithValidateOnStart<ProviderEmbeddingsOptions>().BindConfiguration(ProviderEmbeddingsOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<ProviderEmbeddingsOptions>, ProviderEmbeddingsOptionsValidator>();

        AddModelHttpClient(services, ModelResilience.ChatClient, sp =>
        {
            var o = sp.GetRequiredService<IOptions<ChatOptions>>().Value;
            return new ModelCallSettings(TimeSpan.FromSeconds(o.TimeoutSeconds), TimeSpan.FromSeconds(o.TotalTimeoutSeconds), o.MaxAttempts,
                TimeSpan.FromSeconds(o.RetryDelaySeconds), o.BreakerMinimumThroughput, TimeSpan.FromSeconds(o.BreakSeconds));
        });
        AddModelHttpClient(services, ModelResilience.EmbeddingsClient, sp =>
        {
            var o = sp.GetRequiredService<IOptions<ProviderEmbeddingsOptions>>().Value;
            return new ModelCallSettings(TimeSpan.FromSeconds(o.TimeoutSeconds), TimeSpan.FromSeconds(o.TotalTimeoutSeconds), o.MaxAttempts,
                TimeSpan.FromSeconds(o.RetryDelaySeconds), 6, TimeSpan.FromSeconds(30));
        });

        services.AddSingleton<AnswerPrompt>();
        services.AddSingleton<AnswerAssembler>();
        services.AddSingleton(sp => ChatKernel.Create(
            sp.GetRequiredService<IOptions<ChatOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ModelResilience.ChatClient)));
        services.AddSingleton<LlmAnswerer>();
        services.RemoveAll<IAnswerer>();
        services.AddSingleton<IAnswerer>(sp => sp.GetRequiredService<IOptions<ChatOptions>>().Value.IsEnabled
            ? sp.GetRequiredService<LlmAnswerer>()
            : sp.GetRequiredService<ExtractiveAnswerer>());

        services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
        services.AddSingleton(CreateEmbeddingGenerator);
        return services;
    }

    private static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<ProviderEmbeddingsOptions>>().Value;
        return options.Provider switch
        {
            ProviderEmbeddingsOptions.OnnxProvider => OnnxFileEmbedder.Create(
                options, sp.GetRequiredService<ContentRoot>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OnnxFileEmbedder).FullName!)),
            ProviderEmbeddingsOptions.OpenAIProvider => new OpenAIEmbeddingGenerator(
                options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ModelResilience.EmbeddingsClient), sp.GetRequiredService<ILogger<OpenAIEmbeddingGenerator>>()),
            _ => EmbeddingGeneratorFactory.CreateCoreGenerator(sp),
        };
    }

    private static void AddModelHttpClient(IServiceCollection services, string name, Func<IServiceProvider, ModelCallSettings> settings)
    {
        services.AddHttpClient(name)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // the resilience handler times calls
            .RemoveAllLoggers() // no request logging on model clients: URLs and timings are logged by us, bodies never
            .AddStandardResilienceHandler()
            .Configure((options, sp) =>
            {
                try
                {
                    ModelResilience.Apply(options, settings(sp), sp.GetRequiredService<TimeProvider>());
                }
                catch (OptionsValidationException)
                {
                    // Invalid model settings are reported once, by their own validation; the client keeps its defaults.
                }
            });
    }
}
