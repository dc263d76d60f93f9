using CorpusBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Answering;

/// <summary>The built-in answerer: picks verbatim sentences from the passages. (Being written.)</summary>
public sealed class ExtractiveAnswerer(QuoteVerifier verifier, IOptions<AnsweringOptions> options) : IAnswerer
{
    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        _ = await verifier.FilterVerifiedAsync([], cancellationToken);
        return new Answer(question, true, RefusalReason.NoEvidence, options.Value.RefusalMessage, [], Answer.ExtractiveMode, TimeSpan.Zero);
    }
}
