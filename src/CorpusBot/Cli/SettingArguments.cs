using System.Text.RegularExpressions;

namespace CorpusBot.Cli;

/// <summary>
/// Separates configuration settings given on the command line (`--Section:Key=value` or
/// `--Section:Key value`) from the command's own arguments, before System.CommandLine sees them:
/// otherwise an unknown `--Answering:MaxQuotes=2` could be taken for the question.
/// </summary>
internal static partial class SettingArguments
{
    public static (string[] Settings, string[] CommandArguments) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            if (!SettingPattern().IsMatch(args[i]))
            {
                rest.Add(args[i]);
                continue;
            }

            settings.Add(args[i]);
            if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
            {
                settings.Add(args[++i]);
            }
        }

        return (settings.ToArray(), rest.ToArray());
    }

    [GeneratedRegex(@"^--[A-Za-z][\w.]*(:[\w.]+)+(=.*)?$", RegexOptions.Singleline)]
    private static partial Regex SettingPattern();
}
