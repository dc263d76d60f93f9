using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CorpusBot.Core.Chunking;

namespace CorpusBot.Benchmarks;

/// <summary>
/// A corpus about one subject, like a real CorpusBot corpus: every document is built from the seed articles'
/// sentences recombined (so "Russian", "soldiers", "hospital", "Belarus" occur in a large share of documents),
/// with the names and numbers of each sentence replaced by others, plus one planted fact that a question asks about:
/// how many soldiers a named doctor's hospital treated, who ordered the treatment, when the first wounded arrived,
/// where they were taken. The words of those questions are the subject's common words; only the names and numbers
/// single out the document. Document i is the same on every run (fixed seed).
/// </summary>
internal sealed partial class TopicalNews : ICorpusGenerator
{
    private static readonly string[] FirstNames =
    [
        "Andrei", "Alena", "Dmitry", "Olga", "Siarhei", "Tatsiana", "Pavel", "Iryna", "Viktor", "Natallia", "Yury", "Maryna",
        "Aliaksandr", "Volha", "Mikhail", "Hanna", "Ihar", "Sviatlana", "Anton", "Darya", "Maksim", "Kseniya", "Uladzimir", "Lyudmila",
    ];

    private static readonly string[] Roots =
    [
        "bar", "vol", "kras", "mal", "zhit", "rud", "slav", "pol", "hor", "lip", "dub", "bel", "chern", "kal", "mir", "nov",
        "pin", "ros", "sar", "tal", "usp", "vet", "yas", "zar", "bor", "dziar", "hlyb", "kost", "lun", "myad",
    ];

    private static readonly string[] Middles = ["", "a", "o", "i", "ev", "an", "in", "ush"];
    private static readonly string[] SurnameEndings = ["enko", "ovich", "ov", "ski", "uk", "evich", "chyk", "onak"];
    private static readonly string[] PlaceEndings = ["ovo", "sk", "ichy", "evo", "in", "ava", "any", "ets"];
    private static readonly string[] Roles = ["health minister", "regional governor", "chief medical officer", "deputy defence minister", "head of the regional health department"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Capitalised words of the seeds that are the subject itself, kept in every document.</summary>
    private static readonly HashSet<string> SubjectNames = new(StringComparer.Ordinal)
    {
        "Belarus", "Belarusian", "Belarusians", "Russia", "Russian", "Russians", "Ukraine", "Ukrainian", "Ukrainians", "Moscow",
        "Minsk", "Kremlin", "Kyiv", "Kiev", "Lukashenko", "Putin", "CNN", "Soviet", "European", "Europe", "NATO", "Western",
        "I", "The", "A", "In", "On", "At", "He", "She", "They", "It", "This", "That", "But", "And", "According",
    };

    private static readonly string[] OffTopic =
    [
        "What is the capital of France?",
        "Write a poem about spring.",
        "Who won the chess cup in Paris last year?",
        "How do I bake sourdough bread at home?",
        "What is the boiling point of water on a mountain?",
        "Which team won the football world cup in 2018?",
    ];

    private readonly int seed;
    private readonly string[] sentences;
    private readonly string[] places;

    public TopicalNews(IReadOnlyList<string> seedTexts, int seed = 20260122, int placeCount = 400)
    {
        ArgumentNullException.ThrowIfNull(seedTexts);
        this.seed = seed;
        sentences = seedTexts
            .SelectMany(text => SentenceSplitter.Split(text).Select(span => text[span.Start..span.End]))
            .Where(s => s.Length >= 20)
            .ToArray();
        if (sentences.Length == 0)
        {
            throw new ArgumentException("The seed texts hold no sentences.", nameof(seedTexts));
        }

        var random = new Random(seed);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < placeCount)
        {
            set.Add(MadeUpName(random, PlaceEndings));
        }

        places = [.. set];
    }

    public string Name => "topical";

    public IReadOnlyList<string> OffTopicQuestions => OffTopic;

    /// <summary>The seed articles of the repository (seeds/*.txt), found from the repository root.</summary>
    public static TopicalNews FromRepositorySeeds()
    {
        var folder = Core.Storage.ContentRoot.Discover().Resolve("seeds");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"The topical corpus is built from the seed articles, but {folder} has no .txt files.");
        }

        return new TopicalNews(files.Select(File.ReadAllText).ToList());
    }

    public SyntheticDocument Document(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var person = $"{FirstNames[random.Next(FirstNames.Length)]} {MadeUpName(random, SurnameEndings)}";
        var place = places[random.Next(places.Length)];
        var (fact, question, answer) = Fact(random, person, place);

        var count = random.Next(12, 26);
        var factAt = random.Next(count);
        var text = new StringBuilder();
        for (var s = 0; s < count; s++)
        {
            text.Append(s == factAt ? fact : Recombined(random, names)).Append(s % 4 == 3 ? '\n' : ' ');
        }

        var title = $"{place}: wounded soldiers and the hospital, {Months[random.Next(12)]} {random.Next(2022, 2027)}";
        return new SyntheticDocument($"top-{index:D7}", title, text.ToString().TrimEnd(), question, answer);
    }

    private static (string Fact, string Question, string Answer) Fact(Random random, string person, string place)
    {
        var month = Months[random.Next(12)];
        var year = random.Next(2022, 2027);
        switch (random.Next(4))
        {
            case 0:
                var count = random.Next(12, 3_000).ToString("N0", CultureInfo.InvariantCulture);
                return ($"{person}, the chief physician of the {place} district hospital, said that {count} wounded Russian soldiers had been treated there since {month} {year}.",
                    $"How many wounded Russian soldiers were treated at the {place} district hospital, according to {person}?", count);
            case 1:
                return ($"In {month} {year}, {person}, the {Roles[random.Next(Roles.Length)]}, ordered the doctors of the {place} regional hospital to treat wounded Russian soldiers.",
                    $"Who ordered the doctors of the {place} regional hospital to treat wounded Russian soldiers in {month} {year}?", person);
            case 2:
                var date = $"{month} {random.Next(1, 29)}, {year}";
                return ($"The first wounded Russian soldiers arrived at the {place} military hospital on {date}, according to {person}.",
                    $"When did the first wounded Russian soldiers arrive at the {place} military hospital, according to {person}?", date);
            default:
                return ($"{person} said that the wounded soldiers were taken by train from the border to a hospital in {place}.",
                    $"Where were the wounded soldiers taken by train, according to {person}?", place);
        }
    }

    /// <summary>A seed sentence with its numbers and (non-subject) names replaced, the same name by the same name within a document.</summary>
    private string Recombined(Random random, Dictionary<string, string> names)
    {
        var sentence = sentences[random.Next(sentences.Length)];
        sentence = NumberPattern().Replace(sentence, m => RandomDigits(random, m.Value));
        return CapitalisedPattern().Replace(sentence, m =>
        {
            if (m.Index == 0 || SubjectNames.Contains(m.Value) || Months.Contains(m.Value))
            {
                return m.Value;
            }

            if (!names.TryGetValue(m.Value, out var replacement))
            {
                replacement = random.Next(2) == 0 ? places[random.Next(places.Length)] : MadeUpName(random, SurnameEndings);
                names[m.Value] = replacement;
            }

            return replacement;
        });
    }

    private static string RandomDigits(Random random, string number)
    {
        var digits = new StringBuilder(number.Length);
        foreach (var c in number)
        {
            digits.Append(char.IsDigit(c) ? (char)('0' + random.Next(digits.Length == 0 ? 1 : 0, 10)) : c);
        }

        return digits.ToString();
    }

    private static string MadeUpName(Random random, string[] endings)
    {
        var root = Roots[random.Next(Roots.Length)] + Middles[random.Next(Middles.Length)] + Roots[random.Next(Roots.Length)];
        return char.ToUpperInvariant(root[0]) + root[1..] + endings[random.Next(endings.Length)];
    }

    [GeneratedRegex(@"\d[\d,.]*\d|\d")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b\p{Lu}[\p{Ll}]+\b")]
    private static partial Regex CapitalisedPattern();
}
