using System.Text.Json;
using CorpusBot.Core.Documents;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// The catalog.json files that apply to a file during one read: the one in its folder, then those of
/// each ancestor folder up to the folder being ingested; the nearest entry for an id wins. Each catalog
/// is loaded once; a broken one is reported once, as a rejection, and ignored.
/// </summary>
internal sealed class CatalogChain(int maxFileBytes, ILogger logger)
{
    private readonly Dictionary<string, DocumentCatalog> loaded = new(StringComparer.Ordinal);

    public async Task<SourceDocument> ApplyAsync(
        SourceDocument document, string directory, string root, List<ReadItem> problems, CancellationToken cancellationToken)
    {
        foreach (var folder in FoldersUpTo(directory, root))
        {
            var catalog = await LoadAsync(folder, problems, cancellationToken);
            if (catalog.TryApply(document, out var applied))
            {
                return applied;
            }
        }

        return document;
    }

    private static IEnumerable<string> FoldersUpTo(string directory, string root)
    {
        yield return directory;
        var relative = Path.GetRelativePath(root, directory);
        if (relative == "." || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            yield break;
        }

        for (var folder = Path.GetDirectoryName(directory); folder is not null && folder.Length >= root.Length; folder = Path.GetDirectoryName(folder))
        {
            yield return folder;
        }
    }

    private async Task<DocumentCatalog> LoadAsync(string folder, List<ReadItem> problems, CancellationToken cancellationToken)
    {
        if (loaded.TryGetValue(folder, out var known))
        {
            return known;
        }

        var path = Path.Combine(folder, DocumentCatalog.FileName);
        var catalog = DocumentCatalog.Empty;
        var (bytes, problem) = File.Exists(path)
            ? await BoundedFile.ReadAsync(path, maxFileBytes, cancellationToken)
            : (null, null);
        if (bytes is not null)
        {
            var decoded = TextDecoder.Decode(bytes);
            try
            {
                catalog = decoded.Text is { } json ? DocumentCatalog.Parse(json) : DocumentCatalog.Empty;
                problem = decoded.Problem;
                ReaderLog.CatalogLoaded(logger, path, catalog.Count);
            }
            catch (JsonException ex)
            {
                problem = $"is not a valid catalog ({ex.Message.Split(" LineNumber:")[0]}); its titles and sources were not applied";
            }
        }

        if (problem is not null)
        {
            problems.Add(ReadItem.Rejected(path, $"{DocumentCatalog.FileName} in {folder} {problem}"));
        }

        loaded[folder] = catalog;
        return catalog;
    }
}
