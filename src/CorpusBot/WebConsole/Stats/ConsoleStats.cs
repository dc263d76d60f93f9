namespace CorpusBot.WebConsole.Stats;

/// <summary>What the Stats page shows: all counts over the whole answer log unless said otherwise.</summary>
internal sealed record ConsoleStats(
    IReadOnlyList<(DateOnly Day, int Answered, int Refused)> PerDay,
    int Answered,
    IReadOnlyList<(string Reason, int Count)> RefusedByReason,
    IReadOnlyList<(string Kind, int Count)> Feedback,
    IReadOnlyList<(string Mode, int Count)> Modes,
    int WithNotice,
    IReadOnlyList<(string Label, long Milliseconds)> Latency);
