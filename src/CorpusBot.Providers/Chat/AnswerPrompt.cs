using System.Security;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// The answer prompt, loaded once from the prompts folder: a system template, a user template
/// ({{$passages}}, {{$question}}, {{$maxQuotes}}) and the JSON schema of the reply. Variables are
/// inserted with Semantic Kernel's encoding on (AllowDangerouslySetContent stays false), so a source
/// that contains "&lt;/message&gt;&lt;message role='system'&gt;" stays text inside the user message.
/// </summary>
internal sealed class AnswerPrompt
{
    public const string SystemFile = "answer.system.txt";
    public const string UserFile = "answer.user.txt";
    public const string SchemaFile = "answer.schema.json";

    public static readonly IReadOnlyList<string> Files = [SystemFile, UserFile, SchemaFile];

    public AnswerPrompt(IOptions<ChatOptions> options, ContentRoot root)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(root);
        var folder = root.Resolve(options.Value.PromptsPath);
        var system = Read(folder, SystemFile);
        var user = Read(folder, UserFile);
        Schema = BinaryData.FromString(Read(folder, SchemaFile));

        // The files are trusted text; escaping keeps an operator's "&" or "<" from breaking the message markup.
        var template = $"<message role=\"system\">{SecurityElement.Escape(system)}</message>\n<message role=\"user\">{SecurityElement.Escape(user)}</message>";
        var config = new PromptTemplateConfig(template)
        {
            Name = "answer",
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
            AllowDangerouslySetContent = false,
            InputVariables =
            [
                new InputVariable { Name = "passages", AllowDangerouslySetContent = false },
                new InputVariable { Name = "question", AllowDangerouslySetContent = false },
                new InputVariable { Name = "maxQuotes", AllowDangerouslySetContent = false },
            ],
        };
        Function = KernelFunctionFactory.CreateFromPrompt(config, new KernelPromptTemplateFactory());
    }

    public KernelFunction Function { get; }

    /// <summary>JSON schema of the reply, sent as structured-output format where the endpoint supports it.</summary>
    public BinaryData Schema { get; }

    private static string Read(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new Core.CorpusBotException($"Prompt file {path} is missing. Restore prompts/{file} or fix Chat:PromptsPath.");
    }
}
