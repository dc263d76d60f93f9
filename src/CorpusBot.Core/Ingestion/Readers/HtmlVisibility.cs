using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// Which elements never reach the index: non-content elements (script, style, noscript, template,
/// embedded objects) and anything a reader would not see: the hidden attribute, aria-hidden="true",
/// an inline style with display:none, visibility:hidden, font-size:0 or opacity:0, and the common
/// framework hiding classes. Hidden text is where prompt-injection payloads hide.
/// </summary>
internal static partial class HtmlVisibility
{
    private static readonly HashSet<string> NonContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg", "math",
        "canvas", "audio", "video", "textarea", "select", "datalist", "link", "meta", "base",
    };

    private static readonly string[] HidingClasses = ["hidden", "d-none", "invisible", "sr-only", "visually-hidden"];

    public static bool IsDropped(IElement element) =>
        NonContent.Contains(element.LocalName)
        || element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && IsHidingStyle(style))
        || HidingClasses.Any(element.ClassList.Contains);

    private static bool IsHidingStyle(string style)
    {
        var compact = string.Concat(style.Where(c => !char.IsWhiteSpace(c)));
        return HidingStyle().IsMatch(compact);
    }

    [GeneratedRegex(
        @"(?:^|;)(?:display:none|visibility:(?:hidden|collapse)|font-size:0(?:\.0+)?(?:[a-z]+|%)?|opacity:0(?:\.0+)?)(?:!important)?(?:;|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HidingStyle();
}
