namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>Decoded text and the encoding it was read as, or what made the bytes unreadable.</summary>
internal sealed record DecodeResult(string? Text, string Encoding, string? Problem)
{
    public static DecodeResult Ok(string text, string encoding) => new(text, encoding, null);

    public static DecodeResult Fail(string problem) => new(null, "none", problem);
}
