using System.Diagnostics;
using CorpusBot.Telegram;
using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace CorpusBot.Tests.Telegram.Sending;

public sealed class OutboundPacerTests
{
    [Fact]
    public async Task TooManyRequests_PastTheClientsOwnRetries_IsWaitedOutAndRetried()
    {
        var pacer = Pacer(new TelegramOptions { ChatIntervalMs = 0 });
        var attempts = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();

        var result = await pacer.SendAsync(42, _ =>
        {
            attempts.Add(clock.Elapsed);
            return attempts.Count == 1
                ? throw new ApiRequestException("Too Many Requests: retry after 1", 429, new ResponseParameters { RetryAfter = 1 })
                : Task.FromResult("sent");
        }, CancellationToken.None);

        Assert.Equal("sent", result);
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromSeconds(0.95));
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

        Assert.Equal([0, 1000, 2000], chat.Select(d => Math.Round(d.TotalMilliseconds / 100) * 100));
        Assert.True(other < TimeSpan.FromMilliseconds(50));
        Assert.True(group[2] < TimeSpan.FromSeconds(2.1));
        Assert.True(group[3] >= TimeSpan.FromSeconds(59.9), $"{group[3]}");
    }

    private static OutboundPacer Pacer(TelegramOptions options) =>
        new(Options.Create(options), TimeProvider.System, NullLogger<OutboundPacer>.Instance);
}
