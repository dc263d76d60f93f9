using CorpusBot.Core.Chunking;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// Collects the sentences the reader chooses from: every sentence of the retrieved passages plus the sentence
/// before and after each passage, taken from the stored document so that a neighbour in a passage that was not
/// retrieved is still found. A sentence repeated within a document (seed 003 repeats its paragraphs) is kept once; one
/// that two documents share (a page-date label, "Jul 22, 2020 ...") stays in each, as it is part of what each tells.
/// A sentence that is itself a question is left out.
/// </summary>
public sealed class CandidateSentences(DocumentStore documents)
{
    public async Task<ReaderCandidates> CollectAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var sentencesOf = new Dictionary<string, (string Title, string? Url, string Text, IReadOnlyList<TextSpan> Spans)?>(StringComparer.Ordinal);
        var picked = new Dictionary<(string Document, int Index), ReaderSentence>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var passage = passages[rank];
            if (!sentencesOf.TryGetValue(passage.DocumentId, out var document))
            {
                var stored = await documents.GetAsync(passage.DocumentId, cancellationToken);
                document = stored is null ? null : (stored.Title, stored.Url, stored.Text, SentenceSplitter.Split(stored.Text));
                sentencesOf[passage.DocumentId] = document;
            }

            if (document is not { } doc)
            {
                continue;
            }

            var first = -1;
            var last = -1;
            for (var i = 0; i < doc.Spans.Count; i++)
            {
                var span = doc.Spans[i];
                if (span.End > passage.Start && span.Start < passage.End)
                {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            if (first < 0)
            {
                continue;
            }

            for (var i = Math.Max(0, first - 1); i <= Math.Min(doc.Spans.Count - 1, last + 1); i++)
            {
                var retrieved = i >= first && i <= last;
                var key = (passage.DocumentId, i);
                if (picked.TryGetValue(key, out var existing) && (existing.Retrieved || !retrieved))
                {
                    continue;
                }

                var span = doc.Spans[i];
                picked[key] = new ReaderSentence(
                    passage.DocumentId, doc.Title, doc.Url, i, span.Start, span.End, span.Of(doc.Text),
                    existing?.PassageRank ?? rank, retrieved);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sentences = picked.Values
            .OrderBy(s => s.PassageRank).ThenBy(s => s.DocumentId, StringComparer.Ordinal).ThenBy(s => s.Index)
            .Where(s => seen.Add(s.DocumentId + "\n" + string.Join(' ', Tokenizer.Words(s.Text))))
            // A question in the text ("Who directed Titanic and Avatar?") asks; it never answers.
            .Where(s => !IsQuestion(s.Text))
            .ToList();
        var texts = sentencesOf.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value.Text, StringComparer.Ordinal);
        return new ReaderCandidates(sentences, texts);
    }

    private static bool IsQuestion(string sentence) => sentence.TrimEnd('"', '”', '’', '\'', ')', ' ').EndsWith('?');
}
