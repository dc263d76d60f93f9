using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Storage;

/// <summary>Where the corpus database lives. Section "Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>SQLite file; a relative path is resolved against the repository root.</summary>
    [Required(ErrorMessage = "Storage:DatabasePath is required (a SQLite file path, e.g. data/corpusbot.db).")]
    public string DatabasePath { get; set; } = "data/corpusbot.db";

    /// <summary>How long a writer waits for a lock before "database is locked" is raised.</summary>
    [Range(100, 600_000, ErrorMessage = "Storage:BusyTimeoutMs must be between 100 and 600000.")]
    public int BusyTimeoutMs { get; set; } = 10_000;
}
