using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Operations;

/// <summary>The operator's endpoint of the long-running bot. Section "Hosting".</summary>
public sealed class HostingOptions : IValidatableObject
{
    public const string SectionName = "Hosting";

    public const string DefaultAdminUrl = "http://127.0.0.1:9464";

    /// <summary>Where /healthz, /readyz and /metrics listen; empty turns the endpoint off. Keep it on loopback or a private network.</summary>
    public string? AdminUrl { get; set; } = DefaultAdminUrl;

    /// <summary>Polling mode: /readyz fails when no Bot API call has succeeded for this long (a long poll returns at least every Telegram:PollingTimeoutSeconds).</summary>
    public TimeSpan TelegramStaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long /readyz waits for the database's write lock before calling it locked.</summary>
    public TimeSpan DatabaseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public bool AdminEnabled => !string.IsNullOrWhiteSpace(AdminUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminEnabled && (!Uri.TryCreate(AdminUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/"))
        {
            yield return new ValidationResult($"Hosting:AdminUrl must be empty (off) or an http URL with a host and port and no path, like {DefaultAdminUrl}; got '{AdminUrl}'.");
        }

        if (TelegramStaleAfter < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult("Hosting:TelegramStaleAfter must be at least 00:00:01.");
        }

        if (DatabaseTimeout < TimeSpan.FromMilliseconds(100) || DatabaseTimeout > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Hosting:DatabaseTimeout must be between 00:00:00.1 and 00:01:00.");
        }
    }
}
