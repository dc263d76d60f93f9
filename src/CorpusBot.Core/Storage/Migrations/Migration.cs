namespace CorpusBot.Core.Storage.Migrations;

/// <summary>
/// One step of the schema, applied once, in its own transaction. Versions are unique but may land out
/// of order (teams are given numbers up front), so each applied version is recorded.
/// </summary>
/// <param name="Repeatable">
/// The step is written to be harmless when run again (IF NOT EXISTS): set on a step that lands below
/// a version already released, so databases migrated before version bookkeeping existed still get it.
/// </param>
public sealed record Migration(int Version, string Description, string Sql, bool Repeatable = false);
