namespace CorpusBot.Core.Storage.Vectors;

/// <summary>A vector as stored: int8 codes (one byte a dimension) and the scale that turns a code back into a value.</summary>
public readonly record struct EncodedVector(byte[] Codes, float Scale);
