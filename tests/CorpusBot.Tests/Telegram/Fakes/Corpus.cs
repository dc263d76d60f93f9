namespace CorpusBot.Tests.Telegram.Fakes;

/// <summary>A small document and the scripted answers that quote it.</summary>
public static class Corpus
{
    public const string LighthouseId = "cape-mira-lighthouse";
    public const string LighthouseTitle = "Cape Mira <Lighthouse> & Harbour";
    public const string LighthouseUrl = "https://example.org/lighthouse?a=1&b=2";
    public const string Built = "The lighthouse at Cape Mira was built in 1874 by the harbour board.";
    public const string Lamp = "Its lamp uses <fresnel> lenses & brass fittings.";
    public const string Text = Built + " " + Lamp + " Keepers lived there until 1962, when the light was automated.";

    public static async Task LoadAsync(BotHarness bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        await bot.IngestAsync(LighthouseId, LighthouseTitle, Text, LighthouseUrl);
        bot.Answerer.Script["built"] = (LighthouseId, Built, "It was built in 1874.");
        bot.Answerer.Script["lamp"] = (LighthouseId, Lamp, "The lamp uses <fresnel> lenses & brass.");
    }
}
