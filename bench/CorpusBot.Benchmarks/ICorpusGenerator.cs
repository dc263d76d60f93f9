namespace CorpusBot.Benchmarks;

/// <summary>A seeded source of benchmark documents: document i is the same on every run.</summary>
internal interface ICorpusGenerator
{
    /// <summary>"topical" or "synthetic", as <c>--corpus</c> names it.</summary>
    string Name { get; }

    /// <summary>Questions no document answers (a fifth of the questions asked).</summary>
    IReadOnlyList<string> OffTopicQuestions { get; }

    SyntheticDocument Document(int index);
}
