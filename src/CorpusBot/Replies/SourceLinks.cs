using CorpusBot.Core.Answering;
using CorpusBot.WebConsole;
using Microsoft.Extensions.Options;

namespace CorpusBot.Replies;

/// <summary>
/// The links a reply gives for a quote: the document's own address (http or https only), and — when the web console is
/// on (Console:Url set) — its page that shows the quote highlighted in the stored document, at Console:PublicUrl. That
/// page is behind the console's sign-in like every console page: it is for moderators and maintainers.
/// </summary>
internal sealed class SourceLinks(IOptions<ConsoleOptions> console, ConsoleAddress address)
{
    /// <summary>No console: only the documents' own addresses (for tests and tools that render without a host).</summary>
    public static readonly SourceLinks DocumentsOnly = new(Options.Create(new ConsoleOptions()), new ConsoleAddress(Options.Create(new ConsoleOptions())));

    public static Uri? DocumentOf(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return Uri.TryCreate(citation.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }

    /// <summary>The console page showing the quote in its document, or null when the console is off.</summary>
    public Uri? ContextOf(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        if (!console.Value.Enabled)
        {
            return null;
        }

        var query = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"document?id={Uri.EscapeDataString(citation.DocumentId)}&start={citation.Start}&end={citation.End}#quote");
        return new Uri(address.PublicBase, query);
    }
}
