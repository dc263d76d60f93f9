using System.Text.RegularExpressions;

namespace CorpusBot.Cli;

/// <summary>Turns the options validator's wording into just our message, which already names the key.</summary>
internal static partial class ConfigurationErrors
{
    public static string Clean(string failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var match = DataAnnotationFailure().Match(failure);
        return match.Success ? match.Groups["message"].Value : failure;
    }

    [GeneratedRegex("with the error: '(?<message>.*)'\\.?$")]
    private static partial Regex DataAnnotationFailure();
}
