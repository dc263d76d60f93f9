using System.ComponentModel.DataAnnotations;

namespace CorpusBot.WebConsole;

/// <summary>The web console for moderators and maintainers. Section "Console". Off unless <see cref="Url"/> is set.</summary>
public sealed class ConsoleOptions : IValidatableObject
{
    public const string SectionName = "Console";

    /// <summary>Where the console listens, e.g. http://127.0.0.1:8081. Empty: no console.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The address people open (behind a TLS reverse proxy); sign-in links use it. Defaults to <see cref="Url"/>.</summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>How long a console session lasts after sign-in.</summary>
    [Range(1, 720, ErrorMessage = "Console:SessionHours must be between 1 and 720.")]
    public int SessionHours { get; set; } = 12;

    /// <summary>How long a one-time sign-in link stays valid.</summary>
    [Range(1, 60, ErrorMessage = "Console:LinkMinutes must be between 1 and 60.")]
    public int LinkMinutes { get; set; } = 10;

    /// <summary>Sign-in attempts accepted per minute from one address; more get 429.</summary>
    [Range(1, 1000, ErrorMessage = "Console:SignInAttemptsPerMinute must be between 1 and 1000.")]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Rows per page in the review queue and the answers log.</summary>
    [Range(5, 200, ErrorMessage = "Console:PageSize must be between 5 and 200.")]
    public int PageSize { get; set; } = 20;

    public bool Enabled => Url.Length > 0;

    /// <summary>The base people open: <see cref="PublicUrl"/>, else <see cref="Url"/>; always ending in '/'.</summary>
    public Uri PublicBase
    {
        get
        {
            var text = PublicUrl.Length > 0 ? PublicUrl : Url;
            return new Uri(text.EndsWith('/') ? text : text + "/");
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url.Length > 0 && !IsHttp(Url, allowHttps: false))
        {
            yield return new ValidationResult(
                "Console:Url must be an http:// address with a port, e.g. http://127.0.0.1:8081 (put a TLS reverse proxy in front and set Console:PublicUrl).",
                [nameof(Url)]);
        }

        if (PublicUrl.Length > 0 && !IsHttp(PublicUrl, allowHttps: true))
        {
            yield return new ValidationResult(
                "Console:PublicUrl must be an absolute http(s) address, e.g. https://console.example.org.", [nameof(PublicUrl)]);
        }
    }

    private static bool IsHttp(string text, bool allowHttps) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || (allowHttps && uri.Scheme == Uri.UriSchemeHttps))
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
