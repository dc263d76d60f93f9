namespace CorpusBot.WebConsole;

/// <summary>One page of a longer list.</summary>
internal sealed record ResultPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < Pages;
}
