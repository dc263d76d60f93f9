using CorpusBot.Core.Storage;
using CorpusBot.Providers.Resilience;
using Microsoft.Extensions.Options;

namespace CorpusBot.Providers.Embeddings;

/// <summary>Start-time checks for the chosen embeddings provider; every message names the key to fix.</summary>
internal sealed class ProviderEmbeddingsOptionsValidator(ContentRoot root) : IValidateOptions<ProviderEmbeddingsOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderEmbeddingsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        switch (options.Provider)
        {
            case ProviderEmbeddingsOptions.OnnxProvider:
                CheckFile(options.ModelPath, "ModelPath", "model.onnx", failures);
                CheckFile(options.VocabPath, "VocabPath", "vocab.txt", failures);
                break;
            case ProviderEmbeddingsOptions.OpenAIProvider:
                EndpointRules.Check(options.Endpoint, "Embeddings", failures);
                if (string.IsNullOrWhiteSpace(options.Model))
                {
                    failures.Add("Embeddings:Model is required when Embeddings:Provider is OpenAI (e.g. text-embedding-3-small, or nomic-embed-text for Ollama). Set CORPUSBOT_Embeddings__Model.");
                }

                if (options.TotalTimeoutSeconds < options.TimeoutSeconds)
                {
                    failures.Add($"Embeddings:TotalTimeoutSeconds ({options.TotalTimeoutSeconds}) must be at least Embeddings:TimeoutSeconds ({options.TimeoutSeconds}).");
                }

                break;
            default:
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckFile(string? path, string key, string example, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"Embeddings:{key} is required when Embeddings:Provider is Onnx (the model's {example}). Set CORPUSBOT_Embeddings__{key}.");
        }
        else if (!File.Exists(root.Resolve(path)))
        {
            failures.Add($"Embeddings:{key}: {root.Resolve(path)} does not exist. Download the model's {example} there or fix the path.");
        }
    }
}
