using CorpusBot.Core.Storage;
using CorpusBot.Providers.Resilience;
using Microsoft.Extensions.Options;

namespace CorpusBot.Providers.Chat;

/// <summary>Start-time checks that data annotations cannot express; every message names the key to fix.</summary>
internal sealed class ChatOptionsValidator(ContentRoot root) : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        EndpointRules.Check(options.Endpoint, "Chat", failures);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Chat:Model is required when Chat:Provider is OpenAI (e.g. gpt-4o-mini, or llama3.1:8b for Ollama). Set CORPUSBOT_Chat__Model.");
        }

        if (options.TotalTimeoutSeconds < options.TimeoutSeconds)
        {
            failures.Add($"Chat:TotalTimeoutSeconds ({options.TotalTimeoutSeconds}) must be at least Chat:TimeoutSeconds ({options.TimeoutSeconds}).");
        }

        var prompts = root.Resolve(options.PromptsPath);
        foreach (var file in AnswerPrompt.Files)
        {
            if (!File.Exists(Path.Combine(prompts, file)))
            {
                failures.Add($"Chat:PromptsPath: {Path.Combine(prompts, file)} is missing. Restore prompts/{file} from the repository or point Chat:PromptsPath at a folder holding it.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
