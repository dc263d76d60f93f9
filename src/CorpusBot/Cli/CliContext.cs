using System.CommandLine;
using CorpusBot.Core.Hosting;
using CorpusBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Cli;

/// <summary>
/// What every command needs: the options shared by all commands, and a host built from the
/// configuration layers plus `--db` and any `--Section:Key=value` overrides on the command line.
/// </summary>
internal static class CliContext
{
    /// <summary>Accepted before or after the subcommand (Recursive).</summary>
    public static readonly Option<string?> DatabaseOption = new("--db")
    {
        Description = "SQLite database file (overrides Storage:DatabasePath).",
        Recursive = true,
    };

    /// <summary>The one place `--db PATH` becomes the setting Storage:DatabasePath (absolute, from the working directory).</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(DatabaseOption) is { Length: > 0 } db)
        {
            overrides["Storage:DatabasePath"] = Path.GetFullPath(db);
        }

        return overrides;
    }

    /// <summary>Builds and starts the host; options are validated here, so a bad setting fails before any work.</summary>
    public static async Task<IHost> StartHostAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var overrides = Overrides(parse);
        var host = CorpusBotHost.CreateBuilder(ConfigurationArguments(parse), overrides).Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Starts the host and readies the corpus, ingesting the seeds into an empty database.</summary>
    public static async Task<IHost> StartWithCorpusAsync(ParseResult parse, bool seedIfEmpty, CancellationToken cancellationToken)
    {
        var host = await StartHostAsync(parse, cancellationToken);
        try
        {
            // After a change of embedding model the stored passages are re-embedded before the first search: say so.
            var reembedding = new EmbeddingProgress(Console.Error, "The embedding model changed: re-embedding the corpus before answering.");
            var report = await host.Services.GetRequiredService<CorpusInitializer>().InitializeAsync(seedIfEmpty, cancellationToken, reembedding);
            if (report is not null)
            {
                await Console.Error.WriteLineAsync($"The corpus was empty: ingested {report.Count(Core.Ingestion.IngestStatus.Added)} seed documents.");
            }

            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The `--Section:Key=value` settings of this invocation travel inside the parse result, one token
    /// per `--setting` (hidden; <see cref="CorpusBotCli"/> fills it from <see cref="SettingArguments"/>),
    /// so every command reads them from its own <see cref="ParseResult"/> and nothing static holds them.
    /// </summary>
    public static readonly Option<string[]> SettingOption = new("--setting")
    {
        Hidden = true,
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The setting tokens as <see cref="SettingOption"/> arguments, to put before the command's own.</summary>
    public static IEnumerable<string> AsSettingTokens(IEnumerable<string> settings) =>
        settings.SelectMany(token => new[] { SettingOption.Name, token });

    /// <summary>The settings, as command-line configuration for the host.</summary>
    public static string[] ConfigurationArguments(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(SettingOption) ?? [];
    }
}
