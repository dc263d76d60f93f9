namespace CorpusBot.Providers.Chat;

/// <summary>The model's reply as parsed: answer text with [n] markers, claimed quotes, and its own refusal flag.</summary>
internal sealed record ModelReply(string Answer, IReadOnlyList<ModelQuote> Quotes, bool Refuse);
