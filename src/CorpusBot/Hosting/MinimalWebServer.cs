using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Hosting;

/// <summary>
/// A bare Kestrel server for the small web endpoints the app runs beside its main work (the admin
/// endpoint, the Telegram webhook, the web console): start at a URL (port 0 resolves to a free one),
/// report the address bound, stop, dispose. It lives inside the app's host, so the app, not this
/// server, owns Ctrl-C and SIGTERM.
/// </summary>
internal sealed class MinimalWebServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private MinimalWebServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>Where Kestrel listens, with the real port when the URL said 0.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Builds and starts the server. A taken port surfaces as the <see cref="IOException"/> (or
    /// socket error) Kestrel throws, after everything built here is disposed: callers decide whether
    /// that is fatal (the webhook) or leaves the endpoint off (admin, console).
    /// </summary>
    public static async Task<MinimalWebServer> StartAsync(
        string url,
        Action<IApplicationBuilder> pipeline,
        CancellationToken cancellationToken,
        Action<IServiceCollection>? services = null,
        long? maxRequestBodyBytes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(pipeline);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            if (maxRequestBodyBytes is { } max)
            {
                kestrel.Limits.MaxRequestBodySize = max;
            }
        });
        builder.WebHost.UseUrls(url);
        builder.Services.AddSingleton<IHostLifetime, NestedHostLifetime>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            pipeline(app);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        return new MinimalWebServer(app, new Uri(addresses?.FirstOrDefault() ?? url));
    }

    public Task StopAsync(CancellationToken cancellationToken) => app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// <summary>No console or signal handling of its own: the enclosing app stops this server.</summary>
    private sealed class NestedHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
