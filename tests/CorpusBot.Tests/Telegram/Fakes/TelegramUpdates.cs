using System.Text.Json.Nodes;

namespace CorpusBot.Tests.Telegram.Fakes;

/// <summary>Builds Bot API update JSON as Telegram sends it.</summary>
public static class TelegramUpdates
{
    public const long Moderator = 100;
    public const long Maintainer = 200;
    public const long Stranger = 300;
    public const long Group = -1001234567890;

    private static int nextId = 1;
    private static int nextMessageId = 1;

    public static int NextUpdateId() => Interlocked.Increment(ref nextId);

    public static JsonObject Text(long from, string text, long? chat = null, Action<JsonObject>? message = null, int? updateId = null) =>
        Wrap("message", Message(from, chat ?? from, text, message), updateId);

    public static JsonObject Edited(long from, string text, long? chat = null) =>
        Wrap("edited_message", Message(from, chat ?? from, text, m => m["edit_date"] = Now()), null);

    public static JsonObject Document(long from, string caption, string fileId, string fileName, long? size) =>
        Wrap("message", Message(from, from, null, m =>
        {
            m["caption"] = caption;
            var doc = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_name"] = fileName };
            if (size is { } s)
            {
                doc["file_size"] = s;
            }

            m["document"] = doc;
        }), null);

    public static JsonObject Callback(long from, string data, long chat, int messageId) =>
        new()
        {
            ["update_id"] = NextUpdateId(),
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cb" + NextUpdateId(),
                ["from"] = User(from),
                ["chat_instance"] = "ci",
                ["data"] = data,
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["date"] = Now(),
                    ["chat"] = Chat(chat),
                    ["from"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "CorpusBot", ["username"] = FakeBotApi.BotUsername },
                    ["text"] = "answer",
                },
            },
        };

    /// <summary>Makes the message a reply to one of the bot's messages.</summary>
    public static Action<JsonObject> ReplyToBot(int messageId) => m => m["reply_to_message"] = new JsonObject
    {
        ["message_id"] = messageId,
        ["date"] = Now(),
        ["chat"] = (JsonObject)m["chat"]!.DeepClone(),
        ["from"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "CorpusBot", ["username"] = FakeBotApi.BotUsername },
        ["text"] = "earlier answer",
    };

    public static JsonObject Chat(long id) => id > 0
        ? new JsonObject { ["id"] = id, ["type"] = "private", ["first_name"] = "U" + id }
        : new JsonObject { ["id"] = id, ["type"] = "supergroup", ["title"] = "Readers" };

    private static JsonObject Message(long from, long chat, string? text, Action<JsonObject>? configure)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref nextMessageId),
            ["date"] = Now(),
            ["chat"] = Chat(chat),
            ["from"] = User(from),
        };
        if (text is not null)
        {
            message["text"] = text;
        }

        configure?.Invoke(message);
        return message;
    }

    private static JsonObject User(long id) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = id == 1087968824 ? "Group" : "U" + id,
        ["username"] = id == 1087968824 ? "GroupAnonymousBot" : "user" + id,
    };

    private static JsonObject Wrap(string kind, JsonObject message, int? updateId) =>
        new() { ["update_id"] = updateId ?? NextUpdateId(), [kind] = message };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
