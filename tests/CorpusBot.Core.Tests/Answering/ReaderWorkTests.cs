using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Embeddings.Builtin;
using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Tests.Answering;

/// <summary>
/// The reader asks the model only about sentences it could quote: a sentence no unit of which holds the question's
/// distinctive name is never embedded, nor are its words, so a question's cost follows what it asks about rather than
/// how many passages share its common words.
/// </summary>
public class ReaderWorkTests
{
    [Fact]
    public async Task BuildAsync_SentenceWithoutTheQuestionsName_IsNotReadByTheModel()
    {
        using var generator = new RecordingGenerator(BuiltinModel.CreateGenerator());
        var semantics = new SemanticFit(generator, new QueryVectors(generator));
        const string Zelva = "Surgeons in Zelva treated 140 wounded soldiers in March.";
        const string Lida = "Doctors in Lida cared for many injured troops.";
        var profile = ZelvaQuestion.Profile;
        var pool = new ReaderCandidates(
            [
                new ReaderSentence("a", "A", null, 0, 0, Zelva.Length, Zelva, 0, true),
                new ReaderSentence("b", "B", null, 0, 0, Lida.Length, Lida, 1, true),
            ],
            new Dictionary<string, string> { ["a"] = Zelva, ["b"] = Lida });

        var units = await QuoteUnits.BuildAsync(profile, pool, semantics, new AnsweringOptions(), CancellationToken.None);

        Assert.Contains(Zelva, generator.Texts);
        Assert.DoesNotContain(Lida, generator.Texts);
        Assert.DoesNotContain("Lida", generator.Texts);
        Assert.DoesNotContain("injured", generator.Texts);
        Assert.True(units.Single(u => u.DocumentId == "a").Fit > 0, "the sentence that holds the name is read by meaning");
        Assert.Equal(0, units.Single(u => u.DocumentId == "b").Fit);
    }

    /// <summary>The built-in model, remembering every text it was asked to embed.</summary>
    private sealed class RecordingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<string> Texts { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Texts.AddRange(list);
            return inner.GenerateAsync(list, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose() => inner.Dispose();
    }
}
