using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace CorpusBot.Core.Ingestion.Readers.Pdf;

/// <summary>
/// One page's text as a reader would read it: words from letter positions, words into text blocks
/// (Docstrum, so two columns are two blocks), blocks in reading order, one paragraph per block. Inside
/// a block the lines are joined with a space, and a word hyphenated across a line break is joined
/// again ("treat-" + "ment" → "treatment"), so a sentence that wraps is one sentence again.
/// </summary>
internal static class PdfPageText
{
    public static string Extract(Page page)
    {
        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters)
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .ToList();
        if (words.Count == 0)
        {
            return string.Empty;
        }

        var blocks = UnsupervisedReadingOrderDetector.Instance.Get(DocstrumBoundingBoxes.Instance.GetBlocks(words))
            .OrderBy(b => b.ReadingOrder);
        return string.Join("\n\n", blocks.Select(Paragraph).Where(p => p.Length > 0));
    }

    private static string Paragraph(TextBlock block) => JoinLines(block.TextLines.Select(l => l.Text));

    /// <summary>Joins wrapped lines into one paragraph, undoing end-of-line hyphenation.</summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (text.Length == 0)
            {
                text.Append(line);
            }
            else if (EndsWithHyphenatedWord(text))
            {
                // "treat-" + "ment" is one word; "Anglo-" + "Saxon" keeps its hyphen but not the break.
                if (char.IsLower(line[0]))
                {
                    text.Length--;
                }

                text.Append(line);
            }
            else
            {
                text.Append(' ').Append(line);
            }
        }

        return text.ToString();
    }

    /// <summary>A line ending "letter-" (or a soft/true hyphen) is a word broken by the line; "well- " and a lone "-" are not.</summary>
    private static bool EndsWithHyphenatedWord(StringBuilder text) =>
        text.Length >= 2 && text[^1] is '-' or '\u2010' or '\u00AD' && char.IsLetter(text[^2]);
}
