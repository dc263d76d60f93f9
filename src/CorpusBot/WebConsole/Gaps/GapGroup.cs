namespace CorpusBot.WebConsole.Gaps;

/// <summary>Refused questions sharing one wording key, with how a maintainer marked them (if at all).</summary>
internal sealed record GapGroup(string Key, string Example, int Count, DateTimeOffset LastAsked, IReadOnlyList<string> Reasons, IReadOnlyList<string> Wordings, string? Mark);
