using System.Text.Json;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>Reads optional string fields of one JSONL object, remembering the first field of the wrong type.</summary>
internal sealed class JsonlFields(JsonElement root)
{
    public string? Problem { get; private set; }

    public string? String(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Problem ??= $"the field \"{name}\" must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}";
        return null;
    }
}
