using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole;

/// <summary>
/// Runs the console on Kestrel at <see cref="ConsoleOptions.Url"/> inside the running app (the bot, or
/// `corpusbot console` alone). A web host of its own, independent of the webhook's and the admin
/// endpoint's: an address already in use is logged and leaves the console off, the rest runs on.
/// </summary>
internal sealed class ConsoleServer(IServiceProvider app, IOptions<ConsoleOptions> options, ConsoleAddress publicAddress, ILogger<ConsoleServer> logger) : IHostedService, IAsyncDisposable
{
    private IHost? web;

    /// <summary>Where Kestrel listens (with the real port when configured as 0); null while off.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var host = new HostBuilder()
            .ConfigureWebHost(builder => builder
                .UseKestrel()
                .UseUrls(settings.Url)
                .ConfigureServices(services =>
                {
                    // A nested host: the app owns Ctrl-C / SIGTERM, not this one.
                    services.AddSingleton<IHostLifetime, NestedHostLifetime>();
                    ConsoleWebHost.ConfigureServices(services, app);
                })
                .Configure(ConsoleWebHost.Configure))
            .Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            ConsoleLog.BindFailed(logger, settings.Url, e.Message);
            host.Dispose();
            return;
        }

        web = host;
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        Address = new Uri(addresses?.FirstOrDefault() ?? settings.Url);
        publicAddress.Bound(Address);
        ConsoleLog.Listening(logger, Address.ToString(), publicAddress.PublicBase.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (web is not null)
        {
            await web.StopAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        web?.Dispose();
        web = null;
        return ValueTask.CompletedTask;
    }

    private sealed class NestedHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
