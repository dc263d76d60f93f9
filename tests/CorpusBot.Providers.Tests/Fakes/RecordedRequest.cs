using System.Text.Json;

namespace CorpusBot.Providers.Tests.Fakes;

/// <summary>A request the stand-in server received.</summary>
internal sealed record RecordedRequest(string Path, string Body, string? Authorization)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>(role, content) of each chat message sent.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. Json.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, Content(m.GetProperty("content"))))];

    /// <summary>The "input" texts of an embeddings request.</summary>
    public IReadOnlyList<string> Inputs => Json.GetProperty("input") is { ValueKind: JsonValueKind.Array } list
        ? [.. list.EnumerateArray().Select(e => e.GetString()!)]
        : [Json.GetProperty("input").GetString()!];

    private static string Content(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(part => part.GetProperty("text").GetString()));
}
