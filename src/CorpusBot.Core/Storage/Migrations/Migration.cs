namespace CorpusBot.Core.Storage.Migrations;

/// <summary>One step of the schema. Versions are consecutive from 1; applied in order, each in its own transaction.</summary>
public sealed record Migration(int Version, string Description, string Sql);
