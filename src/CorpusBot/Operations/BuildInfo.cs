using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace CorpusBot.Operations;

/// <summary>
/// The version and the commit it was built from (the SDK stamps "1.0.0+&lt;commit&gt;" into the
/// informational version when the source is a git checkout), for `corpusbot --version`, /healthz and doctor.
/// </summary>
public static class BuildInfo
{
    private static readonly string Informational =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static string Version => Informational.Split('+')[0];

    /// <summary>The full commit id, or null when built outside a git checkout.</summary>
    public static string? Commit => Informational.Split('+') is [_, { Length: > 0 } commit, ..] ? commit : null;

    /// <summary>"corpusbot 1.0.0 (commit 49c560bbff5a)".</summary>
    public static string Describe() => $"corpusbot {Version} ({(Commit is { } c ? "commit " + c[..Math.Min(12, c.Length)] : "commit unknown: built outside a git checkout")})";

    /// <summary>Makes the root command's --version print <see cref="Describe"/>.</summary>
    public static void UseForVersionOption(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersion();
        }
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(Describe());
            return 0;
        }
    }
}
