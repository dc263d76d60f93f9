namespace CorpusBot.Cli;

/// <summary>
/// "n/total passages embedded" on standard error at every tenth of the way, for re-embedding runs that can take
/// minutes on a large corpus (`reindex`, and the re-embed `ask`, `chat` and `bot` do at start after a model change).
/// Synchronous, so lines arrive in order and before the summary.
/// </summary>
internal sealed class EmbeddingProgress(TextWriter writer, string? heading = null) : IProgress<(int Done, int Total)>
{
    private int lastTenth = -1;
    private bool headed;

    public void Report((int Done, int Total) value)
    {
        var tenth = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
        if (tenth == lastTenth)
        {
            return;
        }

        if (!headed && heading is not null)
        {
            writer.WriteLine(heading);
            headed = true;
        }

        lastTenth = tenth;
        writer.WriteLine($"{value.Done}/{value.Total} passages embedded");
    }
}
