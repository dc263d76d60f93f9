using System.Net.Sockets;
using CorpusBot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole;

/// <summary>
/// Runs the console on Kestrel at <see cref="ConsoleOptions.Url"/> inside the running app (the bot, or
/// `corpusbot console` alone). A web server of its own, independent of the webhook's and the admin
/// endpoint's: an address already in use is logged and leaves the console off, the rest runs on.
/// </summary>
internal sealed class ConsoleServer(IServiceProvider app, IOptions<ConsoleOptions> options, ConsoleAddress publicAddress, ILogger<ConsoleServer> logger) : IHostedService, IAsyncDisposable
{
    private MinimalWebServer? server;

    /// <summary>Where Kestrel listens (with the real port when configured as 0); null while off.</summary>
    public Uri? Address => server?.Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            server = await MinimalWebServer.StartAsync(
                settings.Url, ConsoleWebHost.Configure, cancellationToken, services => ConsoleWebHost.ConfigureServices(services, app));
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            ConsoleLog.BindFailed(logger, settings.Url, e.Message);
            return;
        }

        publicAddress.Bound(server.Address);
        ConsoleLog.Listening(logger, server.Address.ToString(), publicAddress.PublicBase.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }
}
