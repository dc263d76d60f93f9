using System.Security;
using CorpusBot.Core;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Conversations;
using CorpusBot.Core.Storage;
using CorpusBot.Providers.Chat;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace CorpusBot.Providers.Conversations;

/// <summary>
/// Rewrites a follow-up into a standalone question with the chat model (prompts/followup.*.txt). The
/// result is only a question: it goes through the same validation, retrieval, verification and refusal
/// as a typed one. A reply that is empty, several lines of prose or too long throws, and the offline
/// rewriter is used instead (see <see cref="FollowUps"/>).
/// </summary>
internal sealed class LlmQuestionRewriter : IQuestionRewriter
{
    public const string SystemFile = "followup.system.txt";
    public const string UserFile = "followup.user.txt";

    private readonly Kernel kernel;
    private readonly KernelFunction function;
    private readonly int maxChars;
    private readonly int timeoutSeconds;

    public LlmQuestionRewriter(Kernel kernel, IOptions<ChatOptions> chat, IOptions<AnsweringOptions> answering, ContentRoot root)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(answering);
        ArgumentNullException.ThrowIfNull(root);
        this.kernel = kernel;
        maxChars = answering.Value.MaxQuestionChars;
        timeoutSeconds = chat.Value.TimeoutSeconds;
        var folder = root.Resolve(chat.Value.PromptsPath);
        var template = $"<message role=\"system\">{SecurityElement.Escape(Read(folder, SystemFile))}</message>\n"
            + $"<message role=\"user\">{SecurityElement.Escape(Read(folder, UserFile))}</message>";
        function = KernelFunctionFactory.CreateFromPrompt(
            new PromptTemplateConfig(template)
            {
                Name = "followup",
                AllowDangerouslySetContent = false,
                InputVariables =
                [
                    new InputVariable { Name = "previous", AllowDangerouslySetContent = false },
                    new InputVariable { Name = "followUp", AllowDangerouslySetContent = false },
                ],
            },
            new KernelPromptTemplateFactory());
    }

    public async Task<string> RewriteAsync(string previous, string followUp, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        var arguments = new KernelArguments(new OpenAIPromptExecutionSettings { Temperature = 0 })
        {
            ["previous"] = previous,
            ["followUp"] = followUp,
        };
        var result = await kernel.InvokeAsync(function, arguments, timeout.Token);
        var line = (result.GetValue<string>() ?? string.Empty).Trim().Split('\n')[0].Trim().Trim('"', '“', '”', '\'').Trim();
        return line.Length == 0 || line.Length > maxChars
            ? throw new CorpusBotException($"The model's rewrite of a follow-up was unusable ({line.Length} characters).")
            : line;
    }

    private static string Read(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new CorpusBotException($"Prompt file {path} is missing. Restore prompts/{file} or fix Chat:PromptsPath.");
    }
}
