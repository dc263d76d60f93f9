using CorpusBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole.SignIn;

/// <summary>
/// Server-side sessions: the cookie holds a random id, the database its hash, whose it is and until
/// when. Signing out deletes the row, so a copied cookie is worthless afterwards.
/// </summary>
internal sealed class ConsoleSessions(SqliteConnectionFactory connections, IOptions<ConsoleOptions> options, TimeProvider clock)
{
    public async Task<(string Id, DateTimeOffset Expires)> StartAsync(long userId, CancellationToken cancellationToken)
    {
        var id = SecretTokens.New();
        var now = clock.GetUtcNow();
        var expires = now.AddHours(options.Value.SessionHours);
        await connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    DELETE FROM console_sessions WHERE expires_at <= $now;
                    INSERT INTO console_sessions(id_hash, user_id, created_at, expires_at) VALUES ($hash, $user, $now, $expires);
                    """;
                command.Parameters.AddWithValue("$hash", SecretTokens.Hash(id));
                command.Parameters.AddWithValue("$user", userId);
                command.Parameters.AddWithValue("$now", SignInLinks.Timestamp(now));
                command.Parameters.AddWithValue("$expires", SignInLinks.Timestamp(expires));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
        return (id, expires);
    }

    /// <summary>The user of a live session, or null.</summary>
    public async Task<long?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (!SecretTokens.LooksValid(id))
        {
            return null;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id FROM console_sessions WHERE id_hash = $hash AND expires_at > $now;";
        command.Parameters.AddWithValue("$hash", SecretTokens.Hash(id!));
        command.Parameters.AddWithValue("$now", SignInLinks.Timestamp(clock.GetUtcNow()));
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    public Task EndAsync(string? id, CancellationToken cancellationToken)
    {
        if (!SecretTokens.LooksValid(id))
        {
            return Task.CompletedTask;
        }

        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM console_sessions WHERE id_hash = $hash;";
                command.Parameters.AddWithValue("$hash", SecretTokens.Hash(id!));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }
}
