namespace CorpusBot.Core.Tests.Fakes;

/// <summary>Paths of the repository's own files (seeds, prompts), found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SeedsFolder => Path.Combine(Root, "seeds");

    public static IEnumerable<string> SeedFiles => Directory.EnumerateFiles(SeedsFolder, "*.txt").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CorpusBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CorpusBot.sln not found above " + AppContext.BaseDirectory);
    }
}
