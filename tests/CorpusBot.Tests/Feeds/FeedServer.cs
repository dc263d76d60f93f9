using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Tests.Feeds;

/// <summary>A loopback web server (port 0) whose pages tests change between polls; it records every request.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FeedServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>path → handler; replace a handler to change what the next poll sees.</summary>
    public ConcurrentDictionary<string, Func<HttpContext, Task>> Routes { get; } = new();

    /// <summary>Every request: its path and the If-None-Match it carried.</summary>
    public ConcurrentQueue<(string Path, string? IfNoneMatch)> Requests { get; } = new();

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First().TrimEnd('/');
        return server;
    }

    public int Count(string path) => Requests.Count(r => r.Path == path);

    /// <summary>Serves <paramref name="body"/> with an ETag, answering 304 to a request that already has it.</summary>
    public void Serve(string path, string contentType, string body, string? etag = null) =>
        Routes[path] = async context =>
        {
            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
                if (context.Request.Headers.IfNoneMatch == etag)
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }

            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        };

    /// <summary>An HTML article page without a date of its own (the feed's date is used).</summary>
    public void ServePage(string path, string title, string text, string? etag = null) =>
        Serve(path, "text/html; charset=utf-8", $"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>", etag);

    /// <summary>An RSS 2.0 feed whose items link to pages of this server, newest first as given.</summary>
    public static string Rss(string title, string baseUrl, params (string Path, string Title, string PubDate)[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>{title}</title><link>{baseUrl}/</link><description>News</description>
        {string.Concat(items.Select(i => $"<item><title>{i.Title}</title><link>{baseUrl}{i.Path}</link><guid>{baseUrl}{i.Path}</guid><pubDate>{i.PubDate}</pubDate></item>"))}
        </channel></rss>
        """;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        Requests.Enqueue((path, context.Request.Headers.IfNoneMatch.FirstOrDefault()));
        if (Routes.TryGetValue(path, out var handler))
        {
            await handler(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
