using System.Collections.Concurrent;
using CorpusBot.Core.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Tests.Fetching;

/// <summary>
/// The real fetcher against a loopback web server. Loopback stands in for "inside the network": with
/// the default settings it must be unreachable; allow-listing 127.0.0.1 stands in for "a public site"
/// so that its redirects to other inside addresses can be tried. Nothing here leaves the machine:
/// refused addresses are refused before any connection is made.
/// </summary>
public sealed class SafeFetcherTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> requests = new();
    private WebApplication? server;
    private string baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.Run(HandleAsync);
        await server.StartAsync();
        baseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Default_LoopbackIsRefused_BeforeAnyConnection()
    {
        var fetcher = Fetcher();

        var byAddress = await Assert.ThrowsAsync<FetchRefusedException>(() => fetcher.FetchAsync(new Uri(baseUrl + "/page"), CancellationToken.None));
        var byName = await Assert.ThrowsAsync<FetchRefusedException>(() => fetcher.FetchAsync(new Uri(baseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/page"), CancellationToken.None));

        Assert.Contains("loopback", byAddress.Message, StringComparison.Ordinal);
        Assert.Contains("refused", byName.Message, StringComparison.Ordinal);
        Assert.Empty(requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://10.0.0.1/admin", "private")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/page", "IPv4-mapped")]
    [InlineData("http://127.0.0.2:{port}/page", "loopback")]
    [InlineData("http://100.100.100.200/", "carrier-grade NAT")]
    [InlineData("http://[fd00::1]/", "unique-local")]
    [InlineData("http://93.184.216.34:8080/", "port 8080")]
    [InlineData("file:///etc/passwd", "only http and https")]
    public async Task RedirectFromAnAllowedSite_ToAnInsideAddress_IsRefused(string target, string why)
    {
        var fetcher = Fetcher(allowLoopback: true);
        var location = target.Replace("{port}", new Uri(baseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() =>
            fetcher.FetchAsync(new Uri(baseUrl + "/redirect?to=" + Uri.EscapeDataString(location)), CancellationToken.None));

        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
        Assert.Equal(["/redirect"], requests);
    }

    [Fact]
    public async Task Redirects_FollowedByHand_AtMostFive()
    {
        var fetcher = Fetcher(allowLoopback: true);

        var five = await fetcher.FetchAsync(new Uri(baseUrl + "/chain/5"), CancellationToken.None);
        var six = await Assert.ThrowsAsync<FetchRefusedException>(() => fetcher.FetchAsync(new Uri(baseUrl + "/chain/6"), CancellationToken.None));

        Assert.Equal("/page", five.Url.AbsolutePath);
        Assert.Equal("the page", System.Text.Encoding.UTF8.GetString(five.Content));
        Assert.Contains("more than 5 redirects", six.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowPrivateAddresses_ReachesLoopback_OnAnyPort()
    {
        var page = await Fetcher(allowPrivate: true).FetchAsync(new Uri(baseUrl + "/page"), CancellationToken.None);

        Assert.Equal("text/plain", page.MediaType);
        Assert.Equal("the page", System.Text.Encoding.UTF8.GetString(page.Content));
    }

    [Fact]
    public async Task OversizePage_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() =>
            Fetcher(allowPrivate: true, maxBytes: 1000).FetchAsync(new Uri(baseUrl + "/big"), CancellationToken.None));

        Assert.Contains("larger than", refused.Message, StringComparison.Ordinal);
    }

    private static SafeFetcher Fetcher(bool allowPrivate = false, bool allowLoopback = false, int maxBytes = 1024 * 1024)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Fetch:AllowPrivateAddresses"] = allowPrivate ? "true" : "false",
            ["Fetch:MaxBytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (allowLoopback)
        {
            settings["Fetch:AllowedNetworks:0"] = "127.0.0.1";
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSafeFetch();
        return services.BuildServiceProvider().GetRequiredService<SafeFetcher>();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        requests.Enqueue(path);
        if (path == "/redirect")
        {
            context.Response.Redirect(context.Request.Query["to"].ToString());
            return;
        }

        if (path.StartsWith("/chain/", StringComparison.Ordinal))
        {
            var left = int.Parse(path["/chain/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Redirect(left <= 1 ? "/page" : $"/chain/{left - 1}");
            return;
        }

        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(path == "/big" ? new string('x', 5000) : "the page");
    }
}
