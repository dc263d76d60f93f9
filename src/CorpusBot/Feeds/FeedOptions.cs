using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Feeds;

/// <summary>How often feeds are polled and how much one poll does. Section "Feeds" (re-checks of URLs: Corpus:RefreshInterval).</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Feeds";

    /// <summary>Time between two polls of one feed. A few seconds are accepted, for tests.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Feeds:Interval must be between 00:00:01 and 7.00:00:00 (e.g. 00:30:00).")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A failing feed is polled less often: the interval doubles per failure, up to this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Feeds:MaxBackOff must be between 00:00:01 and 7.00:00:00 (e.g. 06:00:00).")]
    public TimeSpan MaxBackOff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>New entries fetched per poll of one feed at most; the rest come at the next poll.</summary>
    [Range(1, 1000, ErrorMessage = "Feeds:MaxItemsPerPoll must be between 1 and 1000.")]
    public int MaxItemsPerPoll { get; set; } = 20;

    /// <summary>An entry whose page fails this many times (a dead link, a video page) is given up.</summary>
    [Range(1, 100, ErrorMessage = "Feeds:MaxItemAttempts must be between 1 and 100.")]
    public int MaxItemAttempts { get; set; } = 3;
}
