using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// The file-reading half of ingestion: files, folders and uploads to decoded plain-text documents, or
/// to rejections that say what was wrong. Stores nothing; one bad file never stops the rest.
/// </summary>
public sealed class DocumentSourceReader(IOptions<IngestionOptions> options, ILogger<DocumentSourceReader> logger)
{
    private readonly IngestionOptions settings = options.Value;

    private int MaxFileBytes => settings.MaxFileBytes;

    /// <summary>
    /// Reads files and folders (recursively, in <see cref="FileWalker"/> order), applying catalog.json
    /// sidecars. Yields one item per document (per line for JSONL) or rejected input.
    /// </summary>
    public async IAsyncEnumerable<ReadItem> ReadAsync(
        IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var started = Stopwatch.GetTimestamp();
        var tally = new ReadTally(logger);
        var catalogs = new CatalogChain(MaxFileBytes, logger);
        var pathCount = 0;
        foreach (var path in paths)
        {
            pathCount++;
            var (files, problem) = Expand(path);
            if (problem is not null)
            {
                yield return tally.Add(ReadItem.Rejected(path ?? string.Empty, problem));
                continue;
            }

            foreach (var (file, root) in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var item in await ReadFileAsync(file, root, catalogs, cancellationToken))
                {
                    yield return tally.Add(item);
                }
            }
        }

        ReaderLog.ReadCompleted(logger, tally.Documents, tally.Rejections, pathCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Reads one uploaded file. The name only picks the format and the document id (sanitised, see
    /// <see cref="UploadName"/>); it is never used as a path. JSONL uploads can yield several items.
    /// </summary>
    public IReadOnlyList<ReadItem> ReadUpload(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = UploadName.Parse(fileName);
        var origin = "upload:" + name.DisplayName;
        var tally = new ReadTally(logger);
        if (!DocumentFormats.TryGet(name.Extension, out var format))
        {
            return [tally.Add(ReadItem.Rejected(origin, DocumentFormats.Unsupported(name.DisplayName, name.Extension), name.Id))];
        }

        var problem = content.Length == 0 ? "is empty" : BoundedFile.TooLarge(content.Length, MaxFileBytes);
        if (problem is not null)
        {
            return [tally.Add(ReadItem.Rejected(origin, $"{name.DisplayName} {problem}", name.Id))];
        }

        var (items, encoding) = ContentReader.Read(origin, name.DisplayName, name.Id, format, content, settings);
        return [.. items.Select(item => tally.Add(item.IsDocument ? item with { Encoding = encoding } : item))];
    }

    private static (IEnumerable<(string File, string Root)> Files, string? Problem) Expand(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return ([], "an empty path was given");
        }

        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ([], $"{path} is not a valid path ({ex.Message})");
        }

        return Directory.Exists(full) ? (FileWalker.Enumerate(full).Select(f => (f, full)), null)
            : File.Exists(full) ? ([(full, Path.GetDirectoryName(full) ?? full)], null)
            : ([], $"{path} does not exist (no such file or folder)");
    }

    private async Task<IReadOnlyList<ReadItem>> ReadFileAsync(string file, string root, CatalogChain catalogs, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        var extension = Path.GetExtension(file);
        var id = DocumentIds.Sanitize(Path.GetFileNameWithoutExtension(file));
        if (!DocumentFormats.TryGet(extension, out var format))
        {
            return [ReadItem.Rejected(file, DocumentFormats.Unsupported(name, extension), id.Length == 0 ? null : id)];
        }

        if (id.Length == 0)
        {
            return [ReadItem.Rejected(file, $"{name} has no usable name to take a document id from")];
        }

        var (bytes, problem) = await BoundedFile.ReadAsync(file, MaxFileBytes, cancellationToken);
        if (bytes is null)
        {
            return [ReadItem.Rejected(file, $"{name} {problem}", id)];
        }

        var (items, encoding) = ContentReader.Read(file, name, id, format, bytes, settings);
        var results = new List<ReadItem>(items.Count);
        var directory = Path.GetDirectoryName(file) ?? root;
        foreach (var item in items)
        {
            results.Add(item.Document is { } document
                ? ReadItem.Read(item.Origin, await catalogs.ApplyAsync(document, directory, root, results, cancellationToken))
                : item);
        }

        return [.. results.Select(item => item.IsDocument ? item with { Encoding = encoding } : item)];
    }
}
