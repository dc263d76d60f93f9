using Microsoft.Extensions.VectorData;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>Translates a VectorData order-by into SQL; without one, records come in chunk id order.</summary>
internal static class RecordOrderSql
{
    public static string Translate(
        Func<FilteredRecordRetrievalOptions<ChunkVectorRecord>.OrderByDefinition, FilteredRecordRetrievalOptions<ChunkVectorRecord>.OrderByDefinition>? orderBy)
    {
        if (orderBy is null)
        {
            return "e.chunk_id";
        }

        var terms = orderBy(new()).Values
            .Select(sort => RecordFilterSql.Column(sort.PropertySelector.Body) + (sort.Ascending ? " ASC" : " DESC"))
            .Append("e.chunk_id");
        return string.Join(", ", terms);
    }
}
