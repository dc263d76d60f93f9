using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Embeddings;

/// <summary>
/// Tells an embedder whether it embeds a question or a stored passage, for models trained with
/// different prefixes for each ("query: " / "passage: " in e5). Passed in
/// <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>; embedders that do not care ignore it,
/// and a call without it is treated as passages.
/// </summary>
public static class EmbeddingPurpose
{
    public const string PropertyName = "corpusbot.purpose";
    public const string Query = "query";
    public const string Passage = "passage";

    public static EmbeddingGenerationOptions ForQuery() => new() { AdditionalProperties = new() { [PropertyName] = Query } };

    public static EmbeddingGenerationOptions ForPassages() => new() { AdditionalProperties = new() { [PropertyName] = Passage } };

    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true && Query.Equals(value as string, StringComparison.Ordinal);
}
