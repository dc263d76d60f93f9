using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Operations;

/// <summary>Scheduled backups inside `corpusbot bot`. Section "Backup".</summary>
public sealed class BackupOptions : IValidatableObject
{
    public const string SectionName = "Backup";

    /// <summary>Folder for the backups (relative paths are resolved like Storage:DatabasePath); empty turns scheduled backups off.</summary>
    public string? Directory { get; set; } = string.Empty;

    /// <summary>Time between backups (TimeSpan: 1.00:00:00 is a day, 00:00:05 five seconds).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many backups to keep; older ones are deleted after each new one.</summary>
    [Range(1, 100_000, ErrorMessage = "Backup:Keep must be between 1 and 100000.")]
    public int Keep { get; set; } = 7;

    public bool Enabled => !string.IsNullOrWhiteSpace(Directory);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Interval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"Backup:Interval must be at least 00:00:01 (a TimeSpan such as 1.00:00:00 for a day); got {Interval}.");
        }
    }
}
