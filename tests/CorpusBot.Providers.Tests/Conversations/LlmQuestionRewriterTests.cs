using CorpusBot.Core.Conversations;
using CorpusBot.Providers.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Providers.Tests.Conversations;

/// <summary>Follow-ups rewritten by the chat model (real Semantic Kernel connector, loopback stand-in), with the offline rewrite as fallback.</summary>
public sealed class LlmQuestionRewriterTests : IAsyncLifetime
{
    private const string Previous = "Who is the harbour master of Port Kelvo?";
    private static readonly ConversationKey Chat = new(5, 5);
    private FakeOpenAIServer server = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        host = await TestHost.CreateAsync(TestHost.ChatSettings(server));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Resolve_ModelRewrites_PromptCarriesBothQuestionsAsData()
    {
        server.OnChat = _ => FakeReply.Chat("\"When did the port of Port Kelvo open?\"\n");

        var turn = await FollowUps.ResolveAsync(Chat, "When did it open?", Previous, privateChat: false, CancellationToken.None);

        Assert.Equal("When did the port of Port Kelvo open?", turn.Question);
        var messages = server.LastChat.Messages;
        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
        Assert.Contains("stands on its own", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains($"Previous question: {Previous}", messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("Follow-up: When did it open?", messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ModelDown_OfflineRewriteInstead()
    {
        server.OnChat = _ => FakeReply.Error(500);

        var turn = await FollowUps.ResolveAsync(Chat, "When did it open?", Previous, privateChat: false, CancellationToken.None);

        Assert.Equal("When did Port Kelvo open?", turn.Question);
    }

    [Fact]
    public async Task Resolve_ModelRepliesNothing_OfflineRewriteInstead()
    {
        server.OnChat = _ => FakeReply.Chat("   ");

        var turn = await FollowUps.ResolveAsync(Chat, "When did it open?", Previous, privateChat: false, CancellationToken.None);

        Assert.Equal("When did Port Kelvo open?", turn.Question);
    }

    private FollowUps FollowUps => host.Services.GetRequiredService<FollowUps>();
}
