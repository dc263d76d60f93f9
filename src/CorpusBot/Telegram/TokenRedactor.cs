using CorpusBot.Core;
using Microsoft.Extensions.Options;

namespace CorpusBot.Telegram;

/// <summary>
/// The token sits in every Bot API and file URL, so any exception text that might carry a URL is
/// checked before it is logged: when it contains the token, a copy with the token masked is logged instead.
/// </summary>
internal sealed class TokenRedactor(IOptions<TelegramOptions> options)
{
    public const string Mask = "<redacted-token>";

    public Exception Redact(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var token = options.Value.Token;
        if (string.IsNullOrEmpty(token))
        {
            return exception;
        }

        var text = exception.ToString();
        return text.Contains(token, StringComparison.Ordinal)
            ? new CorpusBotException($"{exception.GetType().Name}: {text.Replace(token, Mask, StringComparison.Ordinal)}")
            : exception;
    }

    public string Redact(string text) =>
        string.IsNullOrEmpty(options.Value.Token) ? text : text.Replace(options.Value.Token, Mask, StringComparison.Ordinal);
}
