using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// Visible text of an HTML page, paragraph by paragraph, its metadata (<see cref="HtmlMetadata"/>) and
/// its title (the article's own headline, else the &lt;title&gt;, else the first visible h1). Dropped elements (<see cref="HtmlVisibility"/>) are removed before anything is
/// read, so hidden text cannot reach the title or the text. Comments are never read.
/// </summary>
internal static class HtmlTextExtractor
{
    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table", "figure", "figcaption", "form", "fieldset",
        "address", "hr", "details", "summary", "body",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "li", "dt", "dd", "tr", "caption", "br", "option", "legend",
    };

    public static (string? Title, string Text, DocumentMetadata Metadata) Extract(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var metadata = HtmlMetadata.Read(document);
        foreach (var element in document.All.Where(HtmlVisibility.IsDropped).ToList())
        {
            element.Remove();
        }

        var title = metadata.Title ?? document.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            title = document.QuerySelector("h1")?.TextContent;
        }

        var root = (INode?)document.Body ?? document.DocumentElement;
        return (title, root is null ? string.Empty : Render(root), metadata);
    }

    private static string Render(INode root)
    {
        var writer = new BlockTextWriter();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        var preformatted = 0;
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                writer.Write(text.Data, preformatted > 0);
            }
            else if (node is IElement element)
            {
                var name = element.LocalName;
                writer.Break(Paragraphs.Contains(name) ? 2 : Lines.Contains(name) ? 1 : 0);
                if (name is "td" or "th")
                {
                    writer.Space();
                }

                var isPre = name is "pre" or "textarea" or "listing" or "xmp";
                preformatted += !isPre ? 0 : exit ? -1 : 1;
                if (!exit)
                {
                    stack.Push((element, true));
                    for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        stack.Push((element.ChildNodes[i], false));
                    }
                }
            }
        }

        return writer.ToString();
    }
}
