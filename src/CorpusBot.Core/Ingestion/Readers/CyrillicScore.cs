namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>How Russian-like a decoding of legacy bytes reads; see <see cref="CyrillicDetector"/>.</summary>
internal readonly record struct CyrillicScore(
    int Letters,
    int Words,
    int NonAscii,
    int NonAsciiExpected,
    int MixedScriptWords,
    int CaseBreaks,
    int Uppercase,
    double LogFrequencySum)
{
    /// <summary>Mean log2 of the letters' frequency in Russian: about -4.5 for Russian, -6 or less for noise.</summary>
    public double MeanLogFrequency => Letters == 0 ? double.NegativeInfinity : LogFrequencySum / Letters;

    /// <summary>Higher is more plausible: frequent letters, lower case, no "пРИВЕТ"-style case breaks.</summary>
    public double Value => Letters == 0
        ? double.NegativeInfinity
        : MeanLogFrequency - (0.3 * Uppercase / Letters) - (20.0 * CaseBreaks / Letters);
}
