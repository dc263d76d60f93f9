using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole;

/// <summary>
/// The console's public base address for links: Console:PublicUrl, else Console:Url — with the real
/// port once Kestrel has bound it (Console:Url with port 0 picks a free port, as tests do).
/// </summary>
internal sealed class ConsoleAddress(IOptions<ConsoleOptions> options)
{
    private Uri? bound;

    public Uri PublicBase
    {
        get
        {
            var settings = options.Value;
            return settings.PublicUrl.Length == 0 && bound is { } b ? b : settings.PublicBase;
        }
    }

    /// <summary>Called by <see cref="ConsoleServer"/> with the address Kestrel listens on.</summary>
    public void Bound(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        bound = new Uri(address.AbsoluteUri.EndsWith('/') ? address.AbsoluteUri : address.AbsoluteUri + "/");
    }
}
