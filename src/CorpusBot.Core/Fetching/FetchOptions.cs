using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Fetching;

/// <summary>
/// Every fetch made on someone's behalf (/add URL, feeds, re-crawls). Section "Fetch". By default only
/// public addresses on ports 80 and 443 are reached; see <see cref="AllowPrivateAddresses"/>.
/// </summary>
public sealed class FetchOptions
{
    public const string SectionName = "Fetch";

    /// <summary>
    /// Lifts the address rule (loopback, private, link-local, CGNAT, unique-local, mapped) and the port
    /// rule (80 and 443 only). For tests and intranet deployments only: with it, a link a user sends can
    /// reach services inside your network.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Specific addresses or networks ("10.1.2.3", "10.20.0.0/16") that may be fetched although private, on any port.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>The whole fetch, redirects included, must finish within this time.</summary>
    [Range(1, 300, ErrorMessage = "Fetch:TimeoutSeconds must be between 1 and 300.")]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Largest body accepted, checked on Content-Length and again while reading.</summary>
    [Range(1, 50 * 1024 * 1024, ErrorMessage = "Fetch:MaxBytes must be between 1 and 52428800.")]
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Redirects followed at most; each target is checked like the first URL.</summary>
    [Range(0, 10, ErrorMessage = "Fetch:MaxRedirects must be between 0 and 10.")]
    public int MaxRedirects { get; set; } = 5;
}
