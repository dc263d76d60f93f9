using System.Text.Json.Nodes;

namespace CorpusBot.Tests.Telegram.Fakes;

/// <summary>One request the bot made to the stand-in Bot API.</summary>
public sealed record ApiCall(string Method, JsonObject Body, DateTimeOffset At, int Status)
{
    public string? Text => (string?)Body["text"];

    /// <summary>For sendMessage: the id of the message the fake created.</summary>
    public int? MessageId { get; init; }

    public long ChatId => Body["chat_id"] is { } id ? long.Parse(id.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    public string? ParseMode => (string?)Body["parse_mode"];

    public bool Succeeded => Status == 200;

    /// <summary>callback_data of every inline button, row by row.</summary>
    public IReadOnlyList<string> ButtonData =>
        Body["reply_markup"]?["inline_keyboard"] is JsonArray rows
            ? [.. rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>()).Select(b => (string?)b["callback_data"] ?? string.Empty)]
            : [];
}
