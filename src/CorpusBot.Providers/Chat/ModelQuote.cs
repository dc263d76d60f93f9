namespace CorpusBot.Providers.Chat;

/// <summary>A quote as the model claims it: from source <paramref name="Source"/> (1-based), not yet verified.</summary>
internal sealed record ModelQuote(int Source, string Quote);
