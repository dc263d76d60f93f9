using System.Net;
using System.Text.Json;
using CorpusBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace CorpusBot.Operations;

/// <summary>
/// The operator's endpoint at Hosting:AdminUrl: GET /healthz (the process is alive), GET /readyz
/// (200, or 503 with a JSON body naming each failed check) and GET /metrics (Prometheus text, from
/// OpenTelemetry). A port already in use is logged and leaves the endpoint off; the bot goes on.
/// </summary>
internal sealed partial class AdminServer(
    IOptions<HostingOptions> options,
    Readiness readiness,
    MeterProvider meterProvider,
    CorpusGauges gauges,
    ILogger<AdminServer> logger) : IHostedService, IAsyncDisposable
{
    public const string Service = "corpusbot";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };
    private MinimalWebServer? server;

    /// <summary>Where it listens (the port resolved when configured as 0); null when off.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(gauges); // its instruments live as long as this endpoint
        var url = options.Value.AdminUrl;
        if (!options.Value.AdminEnabled)
        {
            LogOff(logger);
            return;
        }

        try
        {
            server = await MinimalWebServer.StartAsync(
                url!,
                web =>
                {
                    web.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
                    web.Run(HandleAsync);
                },
                cancellationToken);
        }
        catch (IOException e)
        {
            // Most often the port is taken (another instance, or another program): no endpoint, the bot runs on.
            LogCouldNotStart(logger, url!, e.Message);
            return;
        }

        Address = server.Address;
        LogListening(logger, Address);
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
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        switch (context.Request.Path.Value)
        {
            case "/healthz":
                await WriteAsync(context, HttpStatusCode.OK, new { status = "alive", service = Service, version = BuildInfo.Version, commit = BuildInfo.Commit });
                break;
            case "/readyz":
                var checks = await readiness.CheckAsync(context.RequestAborted);
                var failed = checks.Where(c => !c.Ok).Select(c => c.Name).ToArray();
                await WriteAsync(
                    context,
                    failed.Length == 0 ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable,
                    new
                    {
                        status = failed.Length == 0 ? "ready" : "unready",
                        service = Service,
                        failed,
                        checks = checks.ToDictionary(c => c.Name, c => new { ok = c.Ok, detail = c.Detail }),
                    });
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static async Task WriteAsync(HttpContext context, HttpStatusCode status, object body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin endpoint (/healthz, /readyz, /metrics) listening on {Address}.")]
    private static partial void LogListening(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin endpoint off (Hosting:AdminUrl is empty).")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin endpoint {Url} could not start ({Reason}); the bot runs on without /healthz, /readyz and /metrics. Free the port or set Hosting:AdminUrl.")]
    private static partial void LogCouldNotStart(ILogger logger, string url, string reason);
}
