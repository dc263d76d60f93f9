using CorpusBot.Core.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Operations;

/// <summary>Counts embedding calls and failures around whichever embedder is configured; everything else passes through.</summary>
internal sealed class CountingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, CorpusBotMetrics metrics, bool ownsInner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await base.GenerateAsync(values, options, cancellationToken);
            metrics.EmbeddingCalled(failed: false);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.EmbeddingCalled(failed: true);
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (ownsInner)
        {
            base.Dispose(disposing);
        }
    }

    /// <summary>Wraps the embedder registered last (the one the app resolves), however it was registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IEmbeddingGenerator<string, Embedding<float>>) && !d.IsKeyedService);
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var inner = registered switch
            {
                { ImplementationInstance: IEmbeddingGenerator<string, Embedding<float>> instance } => instance,
                { ImplementationFactory: { } factory } => (IEmbeddingGenerator<string, Embedding<float>>)factory(sp),
                _ => (IEmbeddingGenerator<string, Embedding<float>>)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
            };
            // An instance registered by someone else stays theirs to dispose, as the container would have left it.
            return new CountingEmbeddingGenerator(inner, sp.GetRequiredService<CorpusBotMetrics>(), ownsInner: registered.ImplementationInstance is null);
        });
    }
}
