using System.Text.RegularExpressions;

namespace CorpusBot.Cli;

/// <summary>
/// Turns configuration failures into one line that names the key: the options validator's wording is
/// cut to our message, and the binder's "failed to convert" (a setting that is not a number, a time span,
/// true/false or one of an enum's names) says what the key takes instead of ending in a stack trace.
/// </summary>
internal static partial class ConfigurationErrors
{
    public static string Clean(string failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var match = DataAnnotationFailure().Match(failure);
        return match.Success ? match.Groups["message"].Value : failure;
    }

    /// <summary>
    /// For the binder's <see cref="InvalidOperationException"/> ("Failed to convert configuration value 'abc' at
    /// 'Answering:MaxQuotes' to type 'System.Int32'"): the key, the value and what it should be; otherwise null.
    /// </summary>
    public static string? DescribeConversionFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not InvalidOperationException || ConversionFailure().Match(exception.Message) is not { Success: true } match)
        {
            return null;
        }

        var key = match.Groups["key"].Value;
        return $"Invalid configuration: {key} is '{match.Groups["value"].Value}', which is not {Expected(match.Groups["type"].Value)}. " +
            $"Fix it where it is set (appsettings.json, CORPUSBOT_{key.Replace(":", "__", StringComparison.Ordinal)} or --{key}=…).";
    }

    private static string Expected(string typeName)
    {
        var type = FindType(typeName);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => $"a {typeName}",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number (e.g. 0.5)",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(TimeSpan) => "a time span such as 00:30:00 (30 minutes) or 1.00:00:00 (a day)",
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ => $"a {type.Name}",
        };
    }

    private static Type? FindType(string name) =>
        Type.GetType(name) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);

    [GeneratedRegex("with the error: '(?<message>.*)'\\.?$")]
    private static partial Regex DataAnnotationFailure();

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}
