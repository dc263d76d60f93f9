using System.Text.Json;
using CorpusBot.Hosting;
using CorpusBot.Telegram.Updates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Hosting;

/// <summary>
/// Webhook mode: a minimal Kestrel endpoint at <see cref="TelegramOptions.WebhookPath"/>. A request
/// without the exact secret header gets 403 before anything is read or written; an accepted update
/// is recorded in the journal before 200 is returned, so Telegram redelivers it if we die first.
/// </summary>
internal sealed class WebhookServer(IOptions<TelegramOptions> options, UpdateIntake intake, ILogger<WebhookServer> logger) : IAsyncDisposable
{
    private const long MaxBodyBytes = 1024 * 1024;
    private MinimalWebServer? server;

    /// <summary>Where Kestrel actually listens (the port is resolved when configured as 0).</summary>
    public Uri? Address => server?.Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        server = await MinimalWebServer.StartAsync(options.Value.WebhookListenUrl, web => web.Run(HandleAsync), cancellationToken, maxRequestBodyBytes: MaxBodyBytes);
        TelegramLog.WebhookListening(logger, server.Address.ToString());
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
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !string.Equals(request.Path.Value, options.Value.WebhookPath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = request.Headers[WebhookSecret.HeaderName];
        if (headers.Count != 1 || !WebhookSecret.Matches(headers[0], options.Value.SecretToken ?? string.Empty))
        {
            TelegramLog.WebhookForbidden(logger);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await intake.AcceptAsync(update, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
