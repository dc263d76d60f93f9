using System.Text.Json;
using CorpusBot.Core.Documents;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// A catalog.json sidecar: metadata for the documents in its folder and the folders below it, keyed by
/// document id (the file name without extension):
/// <code>
/// {
///   "001_115071eb19b03889": { "title": "…", "source": "CNN", "url": null, "published": "2025-07-22" }
/// }
/// </code>
/// Every field is optional; a non-null field overrides what the document itself gives (the first line
/// as title, a JSONL line's fields), null keeps it. Comments and trailing commas are tolerated.
/// </summary>
internal sealed class DocumentCatalog
{
    public const string FileName = "catalog.json";

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, DocumentMetadata> entries;

    private DocumentCatalog(Dictionary<string, DocumentMetadata> entries) => this.entries = entries;

    public static DocumentCatalog Empty { get; } = new([]);

    public int Count => entries.Count;

    /// <summary>Parses a catalog; throws <see cref="JsonException"/> with a message saying what is wrong.</summary>
    public static DocumentCatalog Parse(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the top level must be an object mapping document ids to entries");
        }

        var entries = new Dictionary<string, DocumentMetadata>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"the entry \"{property.Name}\" must be an object");
            }

            var fields = new JsonlFields(property.Value);
            var metadata = new DocumentMetadata(fields.String("title"), fields.String("source"), fields.String("url"), fields.String("published"));
            entries[property.Name] = fields.Problem is null ? metadata : throw new JsonException($"in the entry \"{property.Name}\", {fields.Problem}");
        }

        return new DocumentCatalog(entries);
    }

    public bool TryApply(SourceDocument document, out SourceDocument applied)
    {
        if (!entries.TryGetValue(document.Id, out var entry))
        {
            applied = document;
            return false;
        }

        applied = document with
        {
            Title = entry.Title is null || TextCleaner.OneLine(entry.Title, DocumentBuilder.MaxTitleLength) is not { Length: > 0 } title
                ? document.Title
                : title,
            Source = DocumentBuilder.Tidy(entry.Source) ?? document.Source,
            Url = DocumentBuilder.Tidy(entry.Url) ?? document.Url,
            Published = DocumentBuilder.Tidy(entry.Published) ?? document.Published,
        };
        return true;
    }
}
