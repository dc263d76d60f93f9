using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Providers.Tests.Fakes;

/// <summary>
/// A stand-in for an OpenAI-compatible server on 127.0.0.1 (port 0): POST /v1/chat/completions and
/// /v1/embeddings answered by callbacks, every request recorded. The real connector talks to it over HTTP.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TaskCompletionSource requestSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeOpenAIServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<RecordedRequest, FakeReply> OnChat { get; set; } = _ => FakeReply.Answer(string.Empty, true);

    public Func<RecordedRequest, FakeReply> OnEmbeddings { get; set; } = r => FakeReply.Embeddings(r.Inputs, _ => [1f, 0f, 0f, 0f]);

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Completes when the server records its next request: a sentinel for tests, instead of polling.</summary>
    public Task NextRequest => Volatile.Read(ref requestSeen).Task;

    public int ChatCalls => Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    public RecordedRequest LastChat => Requests.Last(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", context => server.HandleAsync(context, server.OnChat));
        app.MapPost("/v1/embeddings", context => server.HandleAsync(context, server.OnEmbeddings));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = $"{address.TrimEnd('/')}/v1";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, Func<RecordedRequest, FakeReply> handler)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var request = new RecordedRequest(context.Request.Path, await reader.ReadToEndAsync(context.RequestAborted), context.Request.Headers.Authorization);
        Requests.Enqueue(request);
        Interlocked.Exchange(ref requestSeen, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        var reply = handler(request);
        try
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the client gave up
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }
}
