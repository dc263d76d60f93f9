namespace CorpusBot.Core.Hosting;

/// <summary>The resolved folder of seed documents ingested into an empty corpus.</summary>
public sealed record SeedsLocation(string Path);
