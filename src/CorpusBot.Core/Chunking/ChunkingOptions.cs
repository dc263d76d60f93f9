using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Chunking;

/// <summary>How documents are cut into passages. Section "Chunking".</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "Chunking";

    /// <summary>Target passage length in characters; a chunk closes at the sentence that passes it.</summary>
    [Range(100, 20_000, ErrorMessage = "Chunking:TargetChars must be between 100 and 20000.")]
    public int TargetChars { get; set; } = 600;

    /// <summary>Sentences repeated from the end of one chunk at the start of the next, so no answer falls between two.</summary>
    [Range(0, 5, ErrorMessage = "Chunking:OverlapSentences must be between 0 and 5.")]
    public int OverlapSentences { get; set; } = 1;
}
