namespace CorpusBot.WebConsole.Pages;

/// <summary>What the pager partial shows: where we are and the links either side.</summary>
internal sealed record Pager(int Page, int Pages, int Total, string? Previous, string? Next)
{
    public static Pager Of<T>(ResultPage<T> results, Func<int, string> link)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(link);
        return new Pager(results.Page, results.Pages, results.Total,
            results.HasPrevious ? link(results.Page - 1) : null,
            results.HasNext ? link(results.Page + 1) : null);
    }
}
