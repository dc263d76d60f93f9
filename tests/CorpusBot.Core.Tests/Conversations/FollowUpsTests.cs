using CorpusBot.Core.Conversations;
using CorpusBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CorpusBot.Core.Tests.Conversations;

public sealed class FollowUpsTests
{
    private static readonly ConversationKey Alice = new(ChatId: 1, UserId: 1);

    [Fact]
    public async Task WithinWindow_Rewritten_AfterWindow_StandsAlone()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.Zero));
        await using var corpus = await CorpusWith(clock);
        var followUps = corpus.Get<FollowUps>();
        await followUps.RememberAsync(Alice, "Who is the harbor master of Port Kelvo?", CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(9));
        var inside = await followUps.ResolveAsync(Alice, "When did it open?", null, privateChat: true, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        var outside = await followUps.ResolveAsync(Alice, "When did it open?", null, privateChat: true, CancellationToken.None);

        Assert.Equal(("When did Port Kelvo open?", true), (inside.Question, inside.IsRewritten));
        Assert.Equal(("When did it open?", false), (outside.Question, outside.IsFollowUp));
    }

    [Fact]
    public async Task NewDay_StartsAfresh_EvenWithinWindow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 22, 23, 58, 0, TimeSpan.Zero));
        await using var corpus = await CorpusWith(clock);
        var followUps = corpus.Get<FollowUps>();
        await followUps.RememberAsync(Alice, "Who is the harbor master of Port Kelvo?", CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(3));
        var turn = await followUps.ResolveAsync(Alice, "When did it open?", null, privateChat: true, CancellationToken.None);

        Assert.False(turn.IsFollowUp);
    }

    [Fact]
    public async Task OtherChatOrPerson_NeverSeesTheConversation_AndForgetClearsIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.Zero));
        await using var corpus = await CorpusWith(clock);
        var followUps = corpus.Get<FollowUps>();
        await followUps.RememberAsync(Alice, "Who is the harbor master of Port Kelvo?", CancellationToken.None);

        var otherPerson = await followUps.ResolveAsync(Alice with { UserId = 2 }, "When did it open?", null, true, CancellationToken.None);
        var otherChat = await followUps.ResolveAsync(Alice with { ChatId = 7 }, "When did it open?", null, true, CancellationToken.None);
        Assert.True(await followUps.ForgetAsync(Alice, CancellationToken.None));
        var afterForget = await followUps.ResolveAsync(Alice, "When did it open?", null, true, CancellationToken.None);

        Assert.False(otherPerson.IsFollowUp);
        Assert.False(otherChat.IsFollowUp);
        Assert.False(afterForget.IsFollowUp);
    }

    [Fact]
    public async Task FailingRewriter_FallsBackToOfflineRewrite()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.Zero));
        await using var corpus = await CorpusWith(clock, services => services.AddSingleton<IQuestionRewriter, ThrowingRewriter>());

        var turn = await corpus.Get<FollowUps>().ResolveAsync(Alice, "When did it open?", "Who is the harbor master of Port Kelvo?", false, CancellationToken.None);

        Assert.Equal("When did Port Kelvo open?", turn.Question);
    }

    private static Task<TestCorpus> CorpusWith(TimeProvider clock, Action<IServiceCollection>? more = null) =>
        TestCorpus.CreateAsync(configure: services =>
        {
            services.AddSingleton(clock);
            more?.Invoke(services);
        });

    private sealed class ThrowingRewriter : IQuestionRewriter
    {
        public Task<string> RewriteAsync(string previous, string followUp, CancellationToken cancellationToken) =>
            throw new HttpRequestException("model down");
    }
}
