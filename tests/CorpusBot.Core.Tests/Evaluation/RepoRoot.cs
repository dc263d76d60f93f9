using CorpusBot.Core.Storage;

namespace CorpusBot.Core.Tests.Evaluation;

/// <summary>The repository root (holding CorpusBot.sln), its seeds and the dev set.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = ContentRoot.Discover().Path;

    public static string SeedsPath => System.IO.Path.Combine(Path, "seeds");

    public static string DevSetPath => System.IO.Path.Combine(Path, "tests", "CorpusBot.Core.Tests", "Evaluation", "devset.jsonl");
}
