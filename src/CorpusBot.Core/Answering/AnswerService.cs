using System.Diagnostics;
using System.Text.Json;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Core.Diagnostics;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Answering;

/// <summary>
/// The one entry point for asking: validate → retrieve → answer (configured answerer, falling back
/// to the extractive one when it fails) → record. The CLI and the Telegram bot both call
/// <see cref="AskAndRecordAsync"/>, so both record the same answers the same way; evaluation calls
/// <see cref="AskAsync"/>, which records nothing.
/// </summary>
public sealed class AnswerService(
    QuestionValidator validator,
    IRetriever retriever,
    IAnswerer answerer,
    ExtractiveAnswerer extractive,
    CitationSources sources,
    AnswerGlance glance,
    AnswerLog answerLog,
    IOptions<AnsweringOptions> options,
    CorpusBotMetrics metrics,
    ILogger<AnswerService> logger)
{
    public const string FallbackNotice = "The language model is unavailable right now, so this answer is made of quotes only.";

    /// <summary>Answers and records the answer (invalid questions included: the log holds every reply given).</summary>
    public async Task<RecordedAnswer> AskAndRecordAsync(string? question, AnswerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = await AskAsync(question, cancellationToken);
        var record = new AnswerRecord(
            context, answer.Question, answer.Refused, answer.Reason?.ToCode(), answer.Mode.ToCode(), answer.Text,
            JsonSerializer.Serialize(answer.Citations), (long)answer.Elapsed.TotalMilliseconds, answer.Notice, ShortAnswer.ToJson(answer.ShortAnswers));
        return new RecordedAnswer(await answerLog.RecordAsync(record, cancellationToken), answer);
    }

    /// <summary>Answers without recording (evaluation, benchmarks).</summary>
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
            metrics.Answered(refused: true, RefusalReason.InvalidQuestion.ToCode(), AnswerMode.Extractive.ToCode(), stopwatch.Elapsed);
            return Answer.Refusal(question ?? string.Empty, RefusalReason.InvalidQuestion, e.Message, AnswerMode.Extractive) with { Elapsed = stopwatch.Elapsed };
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
                metrics.LanguageModelUsed(failed: false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.AnswererFellBack(logger, e);
                metrics.LanguageModelUsed(failed: true);
                answer = await extractive.AnswerAsync(cleaned, passages, cancellationToken) with { Notice = FallbackNotice };
            }
        }

        answer = await sources.DescribeAsync(answer, cancellationToken);
        answer = await glance.DescribeAsync(answer, cancellationToken) with { Elapsed = stopwatch.Elapsed };
        metrics.Answered(answer.Refused, answer.Reason?.ToCode(), answer.Mode.ToCode(), answer.Elapsed);
        Log.Answered(logger, (long)answer.Elapsed.TotalMilliseconds, answer.Mode.ToCode(), answer.Refused, answer.Reason?.ToCode(), answer.Citations.Count);
        return answer;
    }
}
