using System.Globalization;
using System.Text.Json;

namespace CorpusBot.Providers.Tests.Fakes;

/// <summary>What the stand-in server sends back: status, body, optional delay and headers.</summary>
internal sealed record FakeReply(int Status, string Body, TimeSpan Delay = default, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A chat.completion whose assistant message content is <paramref name="content"/>.</summary>
    public static FakeReply Chat(string content, TimeSpan delay = default) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "test-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    }), delay);

    /// <summary>The agreed JSON answer, as the model would write it.</summary>
    public static FakeReply Answer(string answer, bool refuse, params (int Source, string Quote)[] quotes) => Chat(JsonSerializer.Serialize(new
    {
        answer,
        quotes = quotes.Select(q => new { source = q.Source, quote = q.Quote }),
        refuse,
    }));

    /// <param name="retryAfter">The Retry-After header: seconds ("1") or an HTTP date.</param>
    public static FakeReply Error(int status, string? retryAfter = null) => new(
        status,
        """{"error":{"message":"stand-in failure","type":"server_error"}}""",
        Headers: retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    /// <summary>An embeddings list with one vector per input, made by <paramref name="embed"/>.</summary>
    public static FakeReply Embeddings(IReadOnlyList<string> inputs, Func<string, float[]> embed) => new(200, JsonSerializer.Serialize(new
    {
        @object = "list",
        data = inputs.Select((input, i) => new { @object = "embedding", index = i, embedding = embed(input) }),
        model = "test-embedder",
        usage = new { prompt_tokens = inputs.Count, total_tokens = inputs.Count },
    }));

    public static string Seconds(double seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
