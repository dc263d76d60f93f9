using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CorpusBot.WebConsole.Answers;

/// <summary>
/// Filters shared by the review queue and the answers log, bound from the query string (so a filtered
/// page is a link). Unknown values are ignored rather than failing: the page shows everything instead.
/// </summary>
internal sealed record AnswerFilter
{
    public const string Answered = "answered";
    public const string Refused = "refused";

    /// <summary>"pending" (the review queue), "approved", "rejected", or empty for all.</summary>
    public string? Status { get; init; }

    /// <summary><see cref="Answered"/>, <see cref="Refused"/>, or empty for both.</summary>
    public string? Outcome { get; init; }

    /// <summary>A refusal reason code (no_evidence, out_of_scope, …).</summary>
    public string? Reason { get; init; }

    /// <summary>"extractive" or "llm".</summary>
    public string? Mode { get; init; }

    public DateOnly? From { get; init; }

    /// <summary>Inclusive: the whole day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Appends "AND …" conditions and their parameters for the answers table aliased a.</summary>
    public string Where(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sql = new List<string>();
        if (Status is "pending" or "approved" or "rejected")
        {
            sql.Add("a.review_status = $status");
            command.Parameters.AddWithValue("$status", Status);
        }

        if (Outcome is Answered or Refused)
        {
            sql.Add(Outcome == Refused ? "a.refused = 1" : "a.refused = 0");
        }

        if (!string.IsNullOrWhiteSpace(Reason))
        {
            sql.Add("a.reason = $reason");
            command.Parameters.AddWithValue("$reason", Reason.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Mode))
        {
            sql.Add("a.mode = $mode");
            command.Parameters.AddWithValue("$mode", Mode.Trim());
        }

        if (From is { } from)
        {
            sql.Add("a.asked_at >= $from");
            command.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            sql.Add("a.asked_at < $to");
            command.Parameters.AddWithValue("$to", to.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return sql.Count == 0 ? string.Empty : " AND " + string.Join(" AND ", sql);
    }
}
