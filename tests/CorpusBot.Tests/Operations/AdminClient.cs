using System.Net;
using System.Text.Json.Nodes;
using CorpusBot.Operations;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Tests.Operations;

/// <summary>Talks to a running host's admin endpoint (started on a dynamic port by the test).</summary>
internal sealed class AdminClient : IDisposable
{
    private readonly HttpClient http;

    public AdminClient(IHost host)
    {
        var admin = host.Services.GetServices<IHostedService>().OfType<AdminServer>().Single();
        http = new HttpClient { BaseAddress = admin.Address ?? throw new InvalidOperationException("The admin endpoint is off."), Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>Settings that turn the endpoint on at a free port.</summary>
    public static void OnDynamicPort(Dictionary<string, string?> settings) => settings["Hosting:AdminUrl"] = "http://127.0.0.1:0";

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> ReadyAsync()
    {
        var (status, body) = await GetAsync("/readyz");
        return (status, JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>Polls /readyz until <paramref name="match"/> holds; fails with the last answer after 15 s.</summary>
    public async Task<JsonObject> WaitForReadyAsync(Func<HttpStatusCode, JsonObject, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var (status, body) = await ReadyAsync();
            if (match(status, body))
            {
                return body;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"/readyz never matched; last answer {(int)status}: {body.ToJsonString()}");
            }

            await Task.Delay(50);
        }
    }

    public static bool Failed(JsonObject body, string check) =>
        body["failed"]!.AsArray().Any(n => (string?)n == check);

    public void Dispose() => http.Dispose();
}
