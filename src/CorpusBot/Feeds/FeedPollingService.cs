using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Feeds;

/// <summary>
/// Inside `corpusbot bot`: polls due feeds and re-checks due documents, then waits. The wait is a tick
/// of at most a minute (and at most Feeds:Interval), so a feed added by /follow is picked up soon and
/// short test intervals work. Nothing it does can stop the host: a failure is logged and the next tick runs.
/// It is registered after the bot's own hosted service, whose start migrates the database, so the
/// first tick finds the tables.
/// </summary>
internal sealed partial class FeedPollingService(
    FeedPoller poller, IOptions<FeedOptions> options, TimeProvider clock, ILogger<FeedPollingService> logger) : BackgroundService
{
    /// <summary>Documents re-checked per tick at most, so a large corpus from URLs does not hold up the feeds; the rest come next tick.</summary>
    private const int RefreshesPerTick = 25;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = TimeSpan.FromTicks(Math.Min(options.Value.Interval.Ticks, TimeSpan.FromMinutes(1).Ticks));
        using var timer = new PeriodicTimer(tick, clock);
        do
        {
            try
            {
                await poller.PollDueAsync(stoppingToken);
                await poller.RefreshDueAsync(RefreshesPerTick, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling feeds failed; trying again at the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
