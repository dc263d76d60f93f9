using CorpusBot.Telegram;
using CorpusBot.Telegram.Sending;
using CorpusBot.Telegram.Updates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace CorpusBot.Tests.Telegram.Sending;

/// <summary>The pacer on a fake clock: every wait is exact and nothing here sleeps.</summary>
public sealed class OutboundPacerTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task TooManyRequests_PastTheClientsOwnRetries_IsWaitedOutAndRetried()
    {
        var pacer = Pacer(new TelegramOptions { ChatIntervalMs = 0 });
        var attempts = new List<DateTimeOffset>();

        var sending = pacer.SendAsync(42, _ =>
        {
            attempts.Add(clock.GetUtcNow());
            return attempts.Count == 1
                ? throw new ApiRequestException("Too Many Requests: retry after 3", 429, new ResponseParameters { RetryAfter = 3 })
                : Task.FromResult("sent");
        }, CancellationToken.None);

        clock.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.Single(attempts); // a timer due at 3 s cannot have fired at 2.999 s
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("sent", await sending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, attempts.Count);
        Assert.Equal(TimeSpan.FromSeconds(3), attempts[1] - attempts[0]);
    }

    [Fact]
    public async Task OtherErrors_AreNotRetried()
    {
        var pacer = Pacer(new TelegramOptions());
        var calls = 0;

        await Assert.ThrowsAsync<ApiRequestException>(() => pacer.SendAsync<int>(1, _ =>
        {
            calls++;
            throw new ApiRequestException("Bad Request: chat not found", 400);
        }, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void Reservations_PaceEachChat_AndCapAGroupPerMinute()
    {
        var pacer = Pacer(new TelegramOptions { ChatIntervalMs = 1000, GroupMessagesPerMinute = 3 });

        var chat = Enumerable.Range(0, 3).Select(_ => pacer.ReserveChatSlot(7)).ToList();
        var other = pacer.ReserveChatSlot(8);
        var group = Enumerable.Range(0, 4).Select(_ => pacer.ReserveChatSlot(-100)).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], chat);
        Assert.Equal(TimeSpan.Zero, other);
        Assert.Equal(TimeSpan.FromSeconds(2), group[2]);
        Assert.Equal(TimeSpan.FromSeconds(60), group[3]);
    }

    [Fact]
    public async Task WaitingForThePacer_GivesTheHandlerSlotBack()
    {
        var options = new TelegramOptions { ChatIntervalMs = 1000, MaxConcurrentChats = 1 };
        using var slots = new HandlerSlots(Options.Create(options));
        var pacer = new OutboundPacer(Options.Create(options), clock, slots, NullLogger<OutboundPacer>.Instance);
        var paced = slots.RunAsync(async () =>
        {
            await pacer.SendAsync(7, _ => Task.FromResult(1), CancellationToken.None);
            await pacer.SendAsync(7, _ => Task.FromResult(2), CancellationToken.None); // waits a (fake) second
        });

        // The only slot is free while chat 7 waits: another chat's handler runs to the end without the clock moving.
        var other = slots.RunAsync(() => Task.CompletedTask);
        await other.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(paced.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        await paced.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private OutboundPacer Pacer(TelegramOptions options) =>
        new(Options.Create(options), clock, new HandlerSlots(Options.Create(options)), NullLogger<OutboundPacer>.Instance);
}
