namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// The files under a folder in a fixed order: a folder's files by ordinal name, then its subfolders
/// the same way, depth first. Hidden files and folders (".git", ".DS_Store"), catalog.json sidecars
/// and symbolic links to folders (which could loop) are skipped.
/// </summary>
internal static class FileWalker
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    public static IEnumerable<string> Enumerate(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Sorted(Directory.EnumerateFiles(current, "*", Options)))
            {
                if (!string.Equals(Path.GetFileName(file), DocumentCatalog.FileName, StringComparison.OrdinalIgnoreCase))
                {
                    yield return file;
                }
            }

            var subfolders = Sorted(Directory.EnumerateDirectories(current, "*", Options))
                .Where(d => new DirectoryInfo(d).LinkTarget is null)
                .ToList();
            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }
    }

    private static List<string> Sorted(IEnumerable<string> paths) =>
        paths.Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
}
