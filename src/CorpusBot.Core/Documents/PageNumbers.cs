using System.Globalization;

namespace CorpusBot.Core.Documents;

/// <summary>Page offsets of a paged document: stored as a compact list, looked up by character offset.</summary>
public static class PageNumbers
{
    /// <summary>The 1-based page holding <paramref name="offset"/>: the last page starting at or before it (empty pages share the next page's start and are skipped).</summary>
    public static int? At(IReadOnlyList<int>? pageStarts, int offset)
    {
        if (pageStarts is not { Count: > 0 })
        {
            return null;
        }

        var page = 1;
        for (var i = 0; i < pageStarts.Count && pageStarts[i] <= offset; i++)
        {
            page = i + 1;
        }

        return page;
    }

    /// <summary>"[0,1532,3310]", or null for a document without pages.</summary>
    public static string? Format(IReadOnlyList<int>? pageStarts) =>
        pageStarts is null ? null : "[" + string.Join(',', pageStarts.Select(p => p.ToString(CultureInfo.InvariantCulture))) + "]";

    public static IReadOnlyList<int>? Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        var inner = stored.Trim().TrimStart('[').TrimEnd(']');
        return inner.Length == 0 ? [] : inner.Split(',').Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
    }
}
