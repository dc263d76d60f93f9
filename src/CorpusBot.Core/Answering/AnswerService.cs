using System.Diagnostics;
using CorpusBot.Core.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Answering;

/// <summary>
/// The one entry point for asking: validate → retrieve → answer (configured answerer, falling back
/// to the extractive one when it fails) → log. The CLI and the Telegram bot both call this.
/// </summary>
public sealed class AnswerService(
    QuestionValidator validator,
    IRetriever retriever,
    IAnswerer answerer,
    ExtractiveAnswerer extractive,
    CitationSources sources,
    IOptions<AnsweringOptions> options,
    ILogger<AnswerService> logger)
{
    public const string FallbackNotice = "The language model is unavailable right now, so this answer is made of quotes only.";

    public async Task<Answer> AskAsync(string? question, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        string cleaned;
        try
        {
            cleaned = validator.Validate(question);
        }
        catch (InvalidQuestionException e)
        {
            return new Answer(question ?? string.Empty, true, RefusalReason.InvalidQuestion, e.Message, [], Answer.ExtractiveMode, stopwatch.Elapsed);
        }

        var passages = await retriever.RetrieveAsync(cleaned, options.Value.TopK, cancellationToken);
        Answer answer;
        if (ReferenceEquals(answerer, extractive))
        {
            answer = await extractive.AnswerAsync(cleaned, passages, cancellationToken);
        }
        else
        {
            try
            {
                answer = await answerer.AnswerAsync(cleaned, passages, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.AnswererFellBack(logger, e);
                answer = await extractive.AnswerAsync(cleaned, passages, cancellationToken) with { Notice = FallbackNotice };
            }
        }

        answer = await sources.DescribeAsync(answer, cancellationToken) with { Elapsed = stopwatch.Elapsed };
        Log.Answered(logger, (long)answer.Elapsed.TotalMilliseconds, answer.Mode, answer.Refused, answer.Reason, answer.Citations.Count);
        return answer;
    }
}
