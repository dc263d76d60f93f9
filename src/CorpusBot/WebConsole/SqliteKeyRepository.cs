using System.Xml.Linq;
using CorpusBot.Core.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CorpusBot.WebConsole;

/// <summary>
/// Keeps the console's data-protection keys (they sign antiforgery tokens) in the corpus database,
/// so forms opened before a restart still post after it, and a backup carries them along.
/// The interface is synchronous; the calls are rare (start-up, key rotation every 90 days).
/// </summary>
internal sealed class SqliteKeyRepository(SqliteConnectionFactory connections) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM console_keys ORDER BY name;";
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT OR REPLACE INTO console_keys(name, xml) VALUES ($name, $xml);";
                command.Parameters.AddWithValue("$name", friendlyName);
                command.Parameters.AddWithValue("$xml", element.ToString(SaveOptions.DisableFormatting));
                return await command.ExecuteNonQueryAsync(CancellationToken.None);
            },
            CancellationToken.None).GetAwaiter().GetResult();
    }
}
