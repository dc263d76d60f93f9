using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Feeds;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Ingestion.Readers;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Uploads;
using CorpusBot.WebConsole.Answers;
using CorpusBot.WebConsole.Documents;
using CorpusBot.WebConsole.Gaps;
using CorpusBot.WebConsole.SignIn;
using CorpusBot.WebConsole.Stats;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace CorpusBot.WebConsole;

/// <summary>
/// The console's web application: its own small DI container (Razor Pages, antiforgery, the session
/// scheme, the sign-in rate limit) over the running app's singletons, so the console and the bot share
/// one database, one write lock, one vector index and one moderation service. Kestrel in production
/// (<see cref="ConsoleServer"/>), the test server in endpoint tests: both build through here.
/// </summary>
public sealed class ConsoleWebHost
{
    private const string SignInLimit = "signin";

    private ConsoleWebHost()
    {
    }

    /// <summary>Services of the console's container; <paramref name="app"/> is the running app's provider.</summary>
    public static void ConfigureServices(IServiceCollection services, IServiceProvider app)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(app);
        services.Replace(ServiceDescriptor.Singleton(app.GetRequiredService<ILoggerFactory>()));
        Forward<TimeProvider>(services, app);
        Forward<SqliteConnectionFactory>(services, app);
        Forward<IOptions<ConsoleOptions>>(services, app);
        Forward<IOptionsMonitor<RolesOptions>>(services, app);
        Forward<IOptions<IngestionOptions>>(services, app);
        Forward<IOptions<TelegramOptions>>(services, app);
        Forward<DocumentStore>(services, app);
        Forward<DocumentIngestor>(services, app);
        Forward<CorpusRemover>(services, app);
        Forward<QuoteVerifier>(services, app);
        Forward<AnswerReviewer>(services, app);
        Forward<IUploadReader>(services, app);
        Forward<UrlFetcher>(services, app);
        Forward<DocumentSourceStore>(services, app);
        Forward<SignInLinks>(services, app);
        Forward<ConsoleSessions>(services, app);
        Forward<ConsoleRoles>(services, app);
        Forward<AnswerQueries>(services, app);
        Forward<PassageQueries>(services, app);
        Forward<GapQueries>(services, app);
        Forward<StatsQueries>(services, app);
        Forward<AuditQueries>(services, app);
        services.AddSingleton<SignInEndpoint>();
        services.AddSingleton<Review.AnswerCards>();

        services.AddRazorPages(o => o.RootDirectory = "/WebConsole/Pages")
            .ConfigureApplicationPartManager(parts =>
            {
                // The pages are compiled into this assembly, whatever the host's entry assembly is.
                var assembly = typeof(ConsoleWebHost).Assembly;
                parts.ApplicationParts.Clear();
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            });
        // Cyrillic, emoji and the rest are written as themselves, not as &#x…; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "corpusbot_console_af";
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__af";
        });
        services.AddDataProtection().SetApplicationName("CorpusBot.Console");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new SqliteKeyRepository(sp.GetRequiredService<SqliteConnectionFactory>());
            // The keys sit in the database beside everything they protect; encrypting them there adds nothing.
            o.XmlEncryptor = new NullXmlEncryptor();
        }));

        services.AddAuthentication(SessionAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleRoles.StaffPolicy, p => p.RequireRole(ConsoleRoles.Moderator, ConsoleRoles.Maintainer))
            .AddPolicy(ConsoleRoles.ModeratorPolicy, p => p.RequireRole(ConsoleRoles.Moderator))
            .AddPolicy(ConsoleRoles.MaintainerPolicy, p => p.RequireRole(ConsoleRoles.Maintainer))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(ConsoleRoles.Moderator, ConsoleRoles.Maintainer).Build());

        var limit = app.GetRequiredService<IOptions<ConsoleOptions>>().Value.SignInAttemptsPerMinute;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<SignInEndpoint>();
                ConsoleLog.SignInThrottled(logger, context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>The request pipeline.</summary>
    public static void Configure(IApplicationBuilder web)
    {
        ArgumentNullException.ThrowIfNull(web);
        var options = web.ApplicationServices.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        web.Use(SecurityHeaders.ApplyAsync);
        web.UseStatusCodePages(StatusPages.WriteAsync);
        if (options.Enabled && options.PublicBase.AbsolutePath.TrimEnd('/') is { Length: > 0 } pathBase)
        {
            // Behind a proxy that serves the console under a path (https://example.org/console/).
            web.UsePathBase(pathBase);
        }

        web.UseRouting();
        web.UseRateLimiter();
        web.UseAuthentication();
        web.UseAuthorization();
        web.UseEndpoints(endpoints =>
        {
            endpoints.MapGet("/" + SignInLinks.Path, (HttpContext context, SignInEndpoint signIn) => signIn.HandleAsync(context))
                .AllowAnonymous()
                .RequireRateLimiting(SignInLimit);
            endpoints.MapGet("/console.css", ServeStylesheet).AllowAnonymous();
            endpoints.MapRazorPages();
        });
    }

    private static async Task ServeStylesheet(HttpContext context)
    {
        await using var css = typeof(ConsoleWebHost).Assembly.GetManifestResourceStream("CorpusBot.WebConsole.Assets.console.css")
            ?? throw new InvalidOperationException("The console stylesheet is missing from the assembly.");
        context.Response.ContentType = "text/css; charset=utf-8";
        context.Response.Headers.CacheControl = "public, max-age=3600";
        await css.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static void Forward<T>(IServiceCollection services, IServiceProvider app)
        where T : class => services.AddSingleton(app.GetRequiredService<T>());
}
