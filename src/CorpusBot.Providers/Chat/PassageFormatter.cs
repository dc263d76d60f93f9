using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CorpusBot.Core.Retrieval;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// Numbers the passages for the prompt, each fenced by BEGIN/END SOURCE lines that carry a random
/// tag, so text inside a source cannot close its own fence and pose as the prompt.
/// </summary>
internal static class PassageFormatter
{
    public static string Format(IReadOnlyList<Passage> passages, string? fenceTag = null)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var tag = fenceTag ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var text = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            var passage = passages[i];
            text.Append("BEGIN SOURCE [").Append(n).Append("] ").Append(tag).Append('\n')
                .Append("Title: ").Append(OneLine(passage.DocumentTitle)).Append('\n')
                .Append(passage.Text.Replace(tag, string.Empty, StringComparison.Ordinal)).Append('\n')
                .Append("END SOURCE [").Append(n).Append("] ").Append(tag).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string OneLine(string title) => string.Join(' ', title.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
