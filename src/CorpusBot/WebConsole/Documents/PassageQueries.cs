using CorpusBot.Core.Storage;

namespace CorpusBot.WebConsole.Documents;

/// <summary>The stored passages of a document, for drawing their boundaries and quote context.</summary>
internal sealed class PassageQueries(SqliteConnectionFactory connections)
{
    public async Task<IReadOnlyList<PassageSpan>> OfAsync(string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ordinal, start_offset, end_offset FROM chunks WHERE document_id = $id ORDER BY ordinal;";
        command.Parameters.AddWithValue("$id", documentId);
        var list = new List<PassageSpan>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PassageSpan(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return list;
    }
}
