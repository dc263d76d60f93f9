using System.Diagnostics;
using System.Globalization;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Retrieval;
using CorpusBot.Providers.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// Answers with a chat model through Semantic Kernel: numbered, fenced passages in; JSON with
/// [n]-marked answer and verbatim quotes out; every quote verified by <see cref="AnswerAssembler"/>.
/// Throws <see cref="ModelUnavailableException"/> on outage, timeout, open circuit or an unusable
/// reply, so the answer service falls back to the extractive answerer.
/// </summary>
internal sealed class LlmAnswerer(
    Kernel kernel,
    AnswerPrompt prompt,
    AnswerAssembler assembler,
    IOptions<ChatOptions> chatOptions,
    IOptions<AnsweringOptions> answeringOptions,
    ILogger<LlmAnswerer> logger) : IAnswerer
{
    private readonly string model = chatOptions.Value.Model ?? string.Empty;
    private readonly string host = EndpointRules.HostOf(chatOptions.Value.Endpoint);

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        if (passages.Count == 0)
        {
            Log.NoPassages(logger);
            return Answer.Refusal(question, RefusalReason.NoEvidence, answeringOptions.Value.RefusalMessage, AnswerMode.Llm);
        }

        var stopwatch = Stopwatch.StartNew();
        var arguments = new KernelArguments(Settings())
        {
            ["passages"] = PassageFormatter.Format(passages),
            ["question"] = question,
            ["maxQuotes"] = answeringOptions.Value.MaxQuotes.ToString(CultureInfo.InvariantCulture),
        };

        string? content;
        try
        {
            var result = await kernel.InvokeAsync(prompt.Function, arguments, cancellationToken);
            content = result.GetValue<string>();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = ModelFailure.Describe(e);
            Log.ModelFailed(logger, e, model, host, stopwatch.ElapsedMilliseconds, failure);
            var message = $"The chat model {model} at {host} is unavailable: {failure}.";
            throw ModelFailure.Mentions(e, chatOptions.Value.ApiKey) ? new ModelUnavailableException(message) : new ModelUnavailableException(message, e);
        }

        ModelReply reply;
        try
        {
            reply = ModelReplyParser.Parse(content);
        }
        catch (ModelUnavailableException)
        {
            Log.ModelReplyUnusable(logger, model, host, content?.Length ?? 0);
            throw;
        }

        var answer = await assembler.AssembleAsync(question, reply, passages, cancellationToken);
        Log.ModelAnswered(logger, model, host, stopwatch.ElapsedMilliseconds, reply.Quotes.Count, answer.Citations.Count, answer.Refused);
        return answer;
    }

    private OpenAIPromptExecutionSettings Settings()
    {
        var options = chatOptions.Value;
        return new OpenAIPromptExecutionSettings
        {
            Temperature = options.Temperature,
            MaxTokens = options.MaxTokens,
            ResponseFormat = options.ResponseFormat switch
            {
                "json_schema" => ChatResponseFormat.CreateJsonSchemaFormat("corpusbot_answer", prompt.Schema, jsonSchemaIsStrict: true),
                "json_object" => "json_object",
                _ => null,
            },
        };
    }
}
