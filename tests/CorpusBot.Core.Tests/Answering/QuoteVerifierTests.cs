using CorpusBot.Core.Answering;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering;

public class QuoteVerifierTests
{
    private const string Text = "The minister ordered it. Doctors were sent to Gomel. The minister ordered it.";

    [Fact]
    public async Task VerifyAsync_ExactSpan_True()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Text);
        var verifier = corpus.Get<QuoteVerifier>();
        Assert.True(await verifier.VerifyAsync(new Citation("doc", "doc", "Doctors were sent to Gomel.", 25, 52), CancellationToken.None));
    }

    [Theory]
    [InlineData("Doctors were sent to Minsk.", 25, 52)] // altered word
    [InlineData("Doctors were sent to Gomel.", 24, 51)] // shifted offsets
    [InlineData("Doctors were sent to Gomel", 25, 52)] // length differs from span
    [InlineData("doctors were sent to Gomel.", 25, 52)] // case differs
    [InlineData("Doctors were sent to Gomel.", 60, 87)] // past the end
    [InlineData("Doctors were sent to Gomel.", -1, 26)] // negative
    public async Task VerifyAsync_AnythingButTheExactSpan_False(string quote, int start, int end)
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Text);
        Assert.False(await corpus.Get<QuoteVerifier>().VerifyAsync(new Citation("doc", "doc", quote, start, end), CancellationToken.None));
    }

    [Fact]
    public async Task VerifyAsync_UnknownDocument_False()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        Assert.False(await corpus.Get<QuoteVerifier>().VerifyAsync(new Citation("nope", "t", "x", 0, 1), CancellationToken.None));
    }

    [Fact]
    public async Task LocateAsync_RepeatedQuote_PicksOccurrenceNearestHint()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Text);
        var verifier = corpus.Get<QuoteVerifier>();
        var near = await verifier.LocateAsync("doc", "The minister ordered it.", 70, CancellationToken.None);
        Assert.NotNull(near);
        Assert.Equal(53, near.Start);
        Assert.True(await verifier.VerifyAsync(near, CancellationToken.None));
    }

    [Fact]
    public async Task LocateAsync_FabricatedQuote_Null()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Text);
        Assert.Null(await corpus.Get<QuoteVerifier>().LocateAsync("doc", "The minister denied it.", 0, CancellationToken.None));
    }

    [Fact]
    public async Task FilterVerifiedAsync_MixedCitations_KeepsOnlyVerbatimOnes()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Text);
        var good = new Citation("doc", "doc", "The minister ordered it.", 0, 24);
        var bad = new Citation("doc", "doc", "The minister ordered that.", 0, 26);
        var kept = await corpus.Get<QuoteVerifier>().FilterVerifiedAsync([bad, good], CancellationToken.None);
        Assert.Equal([good], kept);
    }
}
