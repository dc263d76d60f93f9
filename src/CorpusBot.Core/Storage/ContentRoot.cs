namespace CorpusBot.Core.Storage;

/// <summary>
/// The folder relative paths in configuration are resolved against: the repository root
/// (the folder holding CorpusBot.sln, found by walking up from the executable or the working
/// directory), so `data/corpusbot.db`, `seeds/` and `prompts/` work from any working directory.
/// </summary>
public sealed class ContentRoot(string path)
{
    public const string MarkerFile = "CorpusBot.sln";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string Resolve(string relativeOrAbsolute) =>
        System.IO.Path.IsPathRooted(relativeOrAbsolute)
            ? relativeOrAbsolute
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativeOrAbsolute));

    /// <summary>Walks up from the app's folder, then the working directory; falls back to the app's folder.</summary>
    public static ContentRoot Discover()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, MarkerFile)))
                {
                    return new ContentRoot(dir.FullName);
                }
            }
        }

        return new ContentRoot(AppContext.BaseDirectory);
    }
}
