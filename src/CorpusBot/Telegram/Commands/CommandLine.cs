namespace CorpusBot.Telegram.Commands;

/// <summary>A parsed "/name@bot args" message. Name is lower case, without the slash.</summary>
internal readonly record struct CommandLine(string Name, string Arguments, bool ExplicitlyAddressed)
{
    /// <summary>
    /// Parses a bot command. Returns null when the text is not a command, or is a command for another
    /// bot ("/ask@otherbot").
    /// </summary>
    public static CommandLine? Parse(string? text, string botUsername)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/' || text.Length < 2)
        {
            return null;
        }

        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var head = text[1..end];
        var arguments = text[end..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var addressed = false;
        if (at >= 0)
        {
            var target = head[(at + 1)..];
            if (!string.Equals(target, botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            head = head[..at];
            addressed = true;
        }

        return head.Length == 0 ? null : new CommandLine(head.ToLowerInvariant(), arguments, addressed);
    }
}
