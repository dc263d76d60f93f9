using System.Text;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// Tells Cyrillic cp1251 from KOI8-R (and from garbage) for bytes that are not UTF-8. Both map almost
/// every high byte to a Cyrillic letter, but differently: read the wrong way, Russian turns into mostly
/// capitals with case flips inside words ("пРИВЕТ") and rare letters. A decoding is accepted only if its
/// non-ASCII characters are Cyrillic letters or common punctuation, words do not mix Latin and Cyrillic
/// letters (Latin-1 "café" read as cp1251 is "cafй"), case breaks are rare and, for longer texts, the
/// letters are about as frequent as in Russian (a looser bound for short texts, where it is noisier).
/// </summary>
internal static class CyrillicDetector
{
    private const double MinExpectedShare = 0.95;
    private const double MaxMixedWordShare = 0.05;
    private const double MaxCaseBreakShare = 0.05;
    private const int MinLettersForFrequency = 40;
    private const double MinMeanLogFrequency = -5.6;
    private const double MinMeanLogFrequencyShort = -5.9;
    private const int MinLetters = 4;

    private static readonly (Encoding Encoding, string Name)[] Candidates =
    [
        (CodePages.Strict(1251), "windows-1251"),
        (CodePages.Strict(20866), "koi8-r"),
    ];

    public static DecodeResult? Guess(ReadOnlySpan<byte> bytes)
    {
        DecodeResult? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var (encoding, name) in Candidates)
        {
            if (!CodePages.TryDecode(encoding, bytes, out var text))
            {
                continue;
            }

            var score = CyrillicScorer.Score(text);
            if (IsPlausible(score) && score.Value > bestScore)
            {
                best = DecodeResult.Ok(text, name);
                bestScore = score.Value;
            }
        }

        return best;
    }

    private static bool IsPlausible(CyrillicScore s) =>
        s.Letters >= MinLetters
        && s.NonAsciiExpected >= s.NonAscii * MinExpectedShare
        && s.MixedScriptWords <= s.Words * MaxMixedWordShare
        && s.CaseBreaks <= s.Words * MaxCaseBreakShare
        && s.MeanLogFrequency >= (s.Letters < MinLettersForFrequency ? MinMeanLogFrequencyShort : MinMeanLogFrequency);
}
