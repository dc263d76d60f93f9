using System.Globalization;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole.SignIn;

/// <summary>
/// One-time sign-in links: issued to a numeric Telegram user id, valid <see cref="ConsoleOptions.LinkMinutes"/>,
/// redeemed at most once (the redeeming UPDATE is the check, so two racing clicks cannot both win).
/// </summary>
internal sealed class SignInLinks(SqliteConnectionFactory connections, IOptions<ConsoleOptions> options, ConsoleAddress address, TimeProvider clock)
{
    /// <summary>Path of the sign-in endpoint, relative to the console's base.</summary>
    public const string Path = "signin";

    /// <summary>Creates a link for <paramref name="userId"/>; the token itself is returned only here and never stored.</summary>
    public async Task<Uri> IssueAsync(long userId, CancellationToken cancellationToken)
    {
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        await connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                // Expired and used links are of no further use: dropped as new ones are made.
                command.CommandText = """
                    DELETE FROM console_links WHERE expires_at <= $now OR used_at IS NOT NULL;
                    INSERT INTO console_links(token_hash, user_id, created_at, expires_at) VALUES ($hash, $user, $now, $expires);
                    """;
                command.Parameters.AddWithValue("$hash", SecretTokens.Hash(token));
                command.Parameters.AddWithValue("$user", userId);
                command.Parameters.AddWithValue("$now", Timestamp(now));
                command.Parameters.AddWithValue("$expires", Timestamp(now.AddMinutes(options.Value.LinkMinutes)));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
        return new Uri(address.PublicBase, $"{Path}?token={token}");
    }

    /// <summary>Marks the link used and returns whose it was; or why it cannot be used.</summary>
    public Task<Redemption> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        if (!SecretTokens.LooksValid(token))
        {
            return Task.FromResult(Redemption.Fail(RedemptionFailure.Unknown));
        }

        var hash = SecretTokens.Hash(token!);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = Timestamp(clock.GetUtcNow());
                await using var use = connection.CreateCommand();
                use.Transaction = transaction;
                use.CommandText = """
                    UPDATE console_links SET used_at = $now
                    WHERE token_hash = $hash AND used_at IS NULL AND expires_at > $now
                    RETURNING user_id;
                    """;
                use.Parameters.AddWithValue("$hash", hash);
                use.Parameters.AddWithValue("$now", now);
                if (await use.ExecuteScalarAsync(cancellationToken) is long userId)
                {
                    return Redemption.Ok(userId);
                }

                await using var why = connection.CreateCommand();
                why.Transaction = transaction;
                why.CommandText = "SELECT user_id, used_at IS NOT NULL FROM console_links WHERE token_hash = $hash;";
                why.Parameters.AddWithValue("$hash", hash);
                await using var reader = await why.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return Redemption.Fail(RedemptionFailure.Unknown);
                }

                return Redemption.Fail(reader.GetInt64(1) != 0 ? RedemptionFailure.AlreadyUsed : RedemptionFailure.Expired, reader.GetInt64(0));
            },
            cancellationToken);
    }

    internal static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

internal enum RedemptionFailure
{
    None,
    Unknown,
    Expired,
    AlreadyUsed,
}

internal sealed record Redemption(long? UserId, RedemptionFailure Failure)
{
    public bool Succeeded => Failure == RedemptionFailure.None;

    public static Redemption Ok(long userId) => new(userId, RedemptionFailure.None);

    public static Redemption Fail(RedemptionFailure failure, long? userId = null) => new(userId, failure);
}
