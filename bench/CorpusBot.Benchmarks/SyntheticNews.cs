using System.Globalization;
using System.Text;

namespace CorpusBot.Benchmarks;

/// <summary>
/// Deterministic pseudo-news: a fixed seed, a vocabulary of a few thousand made-up words drawn with a Zipf law (so
/// FTS sees common and rare terms, like real text), and article templates with people, places, organisations,
/// dates and numbers, so questions name things that only some documents hold. Document i is the same on every run.
/// </summary>
internal sealed class SyntheticNews : ICorpusGenerator
{
    private static readonly string[] OffTopic =
    [
        "What is the capital of France?",
        "Write a poem about spring.",
        "Who won the chess cup in Paris last year?",
    ];

    private static readonly string[] Onsets = ["b", "br", "d", "dr", "g", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "z", "sh", "ch"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ia", "ou", "ei"];
    private static readonly string[] Codas = ["", "", "n", "r", "s", "l", "k", "m"];
    private static readonly string[] FirstNames = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Filip", "Greta", "Hanna", "Igor", "Jana", "Karol", "Lena", "Marek", "Nina", "Oleg", "Petra", "Roman", "Sofia", "Tomas", "Vera"];
    private static readonly string[] Roles = ["director", "spokesman", "chairman", "head", "deputy minister", "chief analyst", "founder", "press secretary"];
    private static readonly string[] OrgKinds = ["Ministry", "Institute", "Council", "Agency", "Group", "Union", "Bank", "Hospital"];
    private static readonly string[] Nouns = ["patients", "soldiers", "workers", "refugees", "doctors", "trucks", "beds", "tons of grain", "buses", "students", "ambulances", "households"];
    private static readonly string[] Verbs = ["treated", "moved", "registered", "evacuated", "hired", "inspected", "counted", "delivered", "detained", "vaccinated"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly int seed;
    private readonly string[] words;
    private readonly double[] cumulative;

    public SyntheticNews(int seed = 20260122, int vocabulary = 6000)
    {
        this.seed = seed;
        var random = new Random(seed);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < vocabulary)
        {
            set.Add(Word(random, random.Next(1, 4)));
        }

        words = [.. set];
        cumulative = new double[words.Length];
        var total = 0.0;
        for (var i = 0; i < words.Length; i++)
        {
            total += 1.0 / Math.Pow(i + 1, 1.07);
            cumulative[i] = total;
        }
    }

    public string Name => "synthetic";

    public IReadOnlyList<string> OffTopicQuestions => OffTopic;

    public SyntheticDocument Document(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var city = Capitalize(Word(random, 2)) + (random.Next(3) == 0 ? "grad" : "ovo");
        var org = $"{Capitalize(Word(random, 2))} {OrgKinds[random.Next(OrgKinds.Length)]}";
        var person = $"{FirstNames[random.Next(FirstNames.Length)]} {Capitalize(Word(random, 3))}";
        var noun = Nouns[random.Next(Nouns.Length)];
        var verb = Verbs[random.Next(Verbs.Length)];
        var count = random.Next(12, 9_000).ToString("N0", CultureInfo.InvariantCulture);
        var date = $"{Months[random.Next(12)]} {random.Next(1, 29)}, {random.Next(2015, 2027)}";

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{person}, the {Roles[random.Next(Roles.Length)]} of the {org}, said on {date} that {count} {noun} had been {verb} in {city}. ");
        var sentences = random.Next(10, 19);
        for (var s = 1; s < sentences; s++)
        {
            text.Append(random.Next(5) switch
            {
                0 => $"According to the {org}, {Zipf(random)} {noun} in {city} rose by {random.Next(2, 60)} percent over {random.Next(2, 24)} months. ",
                1 => $"“The {Zipf(random)} {Zipf(random)} will {Zipf(random)} the {Zipf(random)},” {person.Split(' ')[1]} told reporters in {city}. ",
                _ => Filler(random),
            });
            if (s % 4 == 3)
            {
                text.Append('\n');
            }
        }

        var title = $"{city}: {org} on {noun} {Zipf(random)}";
        var question = $"How many {noun} had been {verb} in {city}, according to {person}?";
        return new SyntheticDocument($"syn-{index:D7}", title, text.ToString().TrimEnd(), question, count);
    }

    private string Filler(Random random)
    {
        var length = random.Next(8, 22);
        var sentence = new StringBuilder(Capitalize(Zipf(random)));
        for (var i = 1; i < length; i++)
        {
            sentence.Append(' ').Append(Zipf(random));
            if (i % 7 == 6 && i < length - 1)
            {
                sentence.Append(',');
            }
        }

        return sentence.Append(". ").ToString();
    }

    private string Zipf(Random random)
    {
        var at = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return words[Math.Min(at < 0 ? ~at : at, words.Length - 1)];
    }

    private static string Word(Random random, int syllables)
    {
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]).Append(Codas[random.Next(Codas.Length)]);
        }

        return word.ToString();
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
