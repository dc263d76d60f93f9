using CorpusBot.Core;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Operations;

/// <summary>Holds the database's <see cref="DatabaseInstanceLock"/> while the bot runs; starts first, so a second bot on the same file stops before doing anything.</summary>
internal sealed class InstanceLockService(SqliteConnectionFactory connections) : IHostedService, IDisposable
{
    private DatabaseInstanceLock? held;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        held = DatabaseInstanceLock.TryAcquire(connections.DatabasePath)
            ?? throw new CorpusBotException(
                $"Another `corpusbot bot` is already running on {connections.DatabasePath} (it holds {DatabaseInstanceLock.PathFor(connections.DatabasePath)}). Stop it first, or give this one another Storage:DatabasePath.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => held?.Dispose();
}
