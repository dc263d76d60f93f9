using CorpusBot.Core.Answering;

namespace CorpusBot.Core.Tests.Answering;

/// <summary>A how-many question with one distinctive name, as the analyzer would profile it, for reader tests.</summary>
internal static class ZelvaQuestion
{
    public static QuestionProfile Profile { get; } = new(
        "How many soldiers were treated in Zelva?",
        QuestionType.HowMany,
        [
            new KeyTerm("soldier", false, false, 1, true, false) { Word = "soldiers" },
            new KeyTerm("treat", false, false, 1, true, false) { Word = "treated" },
            new KeyTerm("zelva", true, false, 3, true, true) { Word = "zelva" },
        ]);
}
