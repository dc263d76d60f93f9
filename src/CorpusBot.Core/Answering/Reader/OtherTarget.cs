using System.Globalization;
using System.Text.RegularExpressions;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// Whether the sentence that shows a name, number or date speaks of a neighbour of what the question asks rather than
/// of it. News on one topic repeats the question's words for another year, another season or quarter, a stage of the
/// race, a former holder of the office, the winner for the runner-up, a sequel, an act that did not happen, or a contest
/// not decided yet; such a sentence reads like the answer while it answers another question ("Who won the men's singles
/// U.S. Open in 2020?" — "… Medvedev at the 2019 U.S. Open"). Each test reads the sentence's own words, so a sentence
/// that also names what was asked still answers. The reader (<see cref="QuoteUnits"/>) applies them to the sentence
/// that shows the answer's cue, read with the sentence it carries on.
/// </summary>
public static partial class OtherTarget
{
    /// <summary>Whether <paramref name="text"/> tells of a neighbour of what <paramref name="profile"/> asks (all tests but the year's, see <see cref="AnotherYear"/>).</summary>
    public static bool IsAbout(QuestionProfile profile, string text)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(text);
        return AnotherOfSeries(profile.Question, text)
            || Undecided(profile.Question, text)
            || AnotherHolder(profile, text)
            || PartOfContest(profile, text)
            || ContraryRole(profile, text)
            || SequelOf(profile, text)
            || Negated(profile, text)
            || SplitName(profile.Question, text)
            || AnotherAgeOf(profile.Question, text)
            || (profile.Type == QuestionType.When && (DatedByAnotherTime(text) || Superseded(text)))
            || (profile.Type == QuestionType.HowMany && RateForTotal(profile.Question, text))
            || AnotherSource(profile.Question, text);
    }

    /// <summary>
    /// "How many wounded did Lukashenko say Belarus treated?" asks for his figure: "The Pentagon said in August it believed
    /// the real toll was much higher" gives another source's. A sentence that names the question's source may still give it.
    /// </summary>
    internal static bool AnotherSource(string question, string text) =>
        AskedSource().Match(question) is { Success: true } asked && SaidBy().IsMatch(text)
        && !text.Contains(asked.Groups["name"].Captures[^1].Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "How many Russian soldiers arrived at Mazyr hospital in total?" asks for a total: "between 40 and 50 wounded Russians
    /// were taken to hospital in Mazyr every day" gives a rate, another figure; and the other way round ("In total, more than
    /// a hundred …" for "how many arrived every day?"). A sentence that speaks of both may give either.
    /// </summary>
    internal static bool RateForTotal(string question, string text) =>
        (Total().IsMatch(question) && Rate().IsMatch(text) && !Total().IsMatch(text))
        || (Rate().IsMatch(question) && Total().IsMatch(text) && !Rate().IsMatch(text));

    /// <summary>
    /// A when-question's date is not one the sentence calls the first plan ("Cyberpunk 2077's original release date was
    /// April 16, 2020", "originally scheduled … on June 25, but …"): that date was given up. "Originally released in 2010"
    /// dates the first release, and a sentence with a second date may give the new one.
    /// </summary>
    internal static bool Superseded(string text) =>
        FirstPlan().IsMatch(text) && DateInText().Count(text) == 1;

    /// <summary>
    /// A page's date before a snippet ("Jul 7, 2018 ...") or atop an article ("Posted on July 22, 2025", "Last updated:
    /// January 22, 2026"): it dates the page, so what the snippet is about is read in the sentence after it alone.
    /// </summary>
    public static bool IsDateLabel(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return DateLabel().IsMatch(sentence);
    }

    /// <summary>
    /// The question names a year (2020) and the sentence names years, none of them that one as the time of its event:
    /// it tells of another edition. A year after "since", "until", "before" or "after" bounds a span and dates nothing.
    /// </summary>
    public static bool AnotherYear(QuestionProfile profile, string text)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(text);
        var asked = profile.KeyTerms.Where(t => t.IsNumber && AnswerCue.IsYear(t.Stem)).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        if (asked.Count == 0)
        {
            return false;
        }

        var years = YearInText().Matches(text).ToList();
        return years.Count > 0 && !years.Exists(m => asked.Contains(m.Groups["year"].Value) && !m.Groups["bound"].Success);
    }

    /// <summary>
    /// The question asks about one member of a series ("the first season", "Season 17", "Q1", "Part II") and the
    /// sentence names another member of it ("the tenth and final season", "Season 10", "Q2", "the first quarter") but
    /// not the one asked.
    /// </summary>
    internal static bool AnotherOfSeries(string question, string text)
    {
        var asked = Members(question);
        if (asked.Count == 0)
        {
            return false;
        }

        var named = Members(text);
        return asked.Any(a => named.Exists(n => n.Series == a.Series && n.Number != a.Number) && !named.Contains(a));
    }

    /// <summary>
    /// "A third meeting was due to be held on Wednesday" announces an event still to come: it tells when or where, but
    /// nothing of what happened there, so it holds nothing of a question about what came of it, asked in the past ("What
    /// was agreed at the third meeting?", "Who won …?"). A when- or where-question, or one that asks no act ("Super Bowl
    /// 2021 location"), is answered by the announcement itself.
    /// </summary>
    internal static bool StillToCome(QuestionProfile profile, string text) => AsksWhatCameOf(profile) && Announces(text);

    /// <summary>Whether the question asks what came of an event, in the past, and not when or where it is (see <see cref="StillToCome"/>).</summary>
    internal static bool AsksWhatCameOf(QuestionProfile profile) =>
        profile.Type is not (QuestionType.When or QuestionType.Where) && AsksWhatHappened().IsMatch(profile.Question);

    /// <summary>Whether the text announces an event still to come ("was due to be held", "will take place").</summary>
    internal static bool Announces(string text) => Upcoming().IsMatch(text);

    [GeneratedRegex(@"\b(was|were|did|had|won)\b|\b\p{L}{3,}ed\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhatHappened();

    /// <summary>
    /// The sentence tells of a contest not decided yet, or of those still in it: "the winner … will be announced",
    /// "the four finalists", "applications to host", "contenders". It names who may win, not who won. Not when the
    /// question itself asks about that ("Who were the finalists …?").
    /// </summary>
    internal static bool Undecided(string question, string text)
    {
        var asked = Stems(question);
        return UndecidedWords().Matches(text).Any(m => !asked.Contains(Tokenizer.Stem(m.Groups["key"].Value.ToLowerInvariant())));
    }

    /// <summary>
    /// "Who is the president of FIFA?" asks who holds that office: a sentence whose every mention of the office is
    /// someone's past or another office ("the former president of FIFA", "stepping down as CEO", "vice-president"), the
    /// office of something else ("president of an NFL team", "of the NFL Players Association", "a director of music
    /// videos", "Bohemian Rhapsody video director") or part of a name ("The Director's Cut") does not say it.
    /// </summary>
    internal static bool AnotherHolder(QuestionProfile profile, string text)
    {
        var office = OfficeQuestion().Match(profile.Question);
        if (!office.Success)
        {
            return false;
        }

        var present = office.Groups["tense"].Value.ToLowerInvariant() is "is" or "are";
        var of = Tokenizer.ContentWords(office.Groups["of"].Value).Select(Tokenizer.Stem).ToList();
        var asked = Stems(profile.Question);
        foreach (var focus in profile.Focus)
        {
            var mentions = Regex.Matches(text, $@"\b{Regex.Escape(focus)}s?\b", RegexOptions.IgnoreCase);
            if (mentions.Count > 0 && mentions.All(m =>
                (present && NotTheHolder().IsMatch(text[..m.Index]))
                || NamePart().IsMatch(text[(m.Index + m.Length)..])
                || OfAnother(text[(m.Index + m.Length)..], of, asked)
                || OfficeOfAnother(text[..m.Index], asked)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words right before an office say whose it is, and it is not the question's: another name ("Las Vegas
    /// Raiders president"), a body ("their new team president"), or the question's name with a noun that says what the
    /// office is of ("Bohemian Rhapsody video director").
    /// </summary>
    private static bool OfficeOfAnother(string before, HashSet<string> asked)
    {
        if (OwnerBefore().Match(before) is { Success: true } owner)
        {
            var word = owner.Value.Trim().TrimEnd('”', '"', '\'', '’').ToLowerInvariant();
            var stem = Tokenizer.Stem(Tokenizer.Words(word).FirstOrDefault() ?? word);
            var isBody = owner.Groups["body"].Success;
            return !asked.Contains(stem) && (isBody || (!StopWords.Contains(word) && !word.Split('-').Any(Demonym().IsMatch)));
        }

        return AnotherModifier().Match(before) is { Success: true } mod
            && !asked.Contains(Tokenizer.Stem(mod.Groups["word"].Value.ToLowerInvariant()))
            && asked.Contains(Tokenizer.Stem(mod.Groups["name"].Value.ToLowerInvariant()));
    }

    /// <summary>
    /// Whether the words after an office ("… of an NFL team", "… of CONCACAF") name the office of something other
    /// than the question's (<paramref name="of"/>, the stems of what follows "of" in the question).
    /// </summary>
    private static bool OfAnother(string after, List<string> of, HashSet<string> asked)
    {
        var m = OfComplement().Match(after);
        if (!m.Success || of.Count == 0)
        {
            return false;
        }

        var first = Tokenizer.Stem(m.Groups["first"].Value.ToLowerInvariant());
        if (first != of[0])
        {
            return !asked.Contains(first);
        }

        // The question's name followed by more of a name ("NFL Players Association") or by a noun it qualifies ("NFL team").
        var next = m.Groups["next"].Value;
        return next.Length > 0 && !StopWords.Contains(next.ToLowerInvariant()) && !asked.Contains(Tokenizer.Stem(next.ToLowerInvariant()));
    }

    /// <summary>
    /// "Who won the 2021 Tour de France?" is not answered by who won a stage, a leg or a heat of it ("to win the final
    /// stage of the 2021 Tour de France"): a win said of a part of the contest the question does not name.
    /// </summary>
    internal static bool PartOfContest(QuestionProfile profile, string text)
    {
        if (!profile.Focus.Any(f => f is "won" or "win" or "winner" or "winners" or "champion"))
        {
            return false;
        }

        var asked = Tokenizer.Words(profile.Question).Select(Tokenizer.Stem).ToHashSet(StringComparer.Ordinal);
        var words = Tokenizer.Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (!PartWords.Contains(Tokenizer.Stem(words[i])) || asked.Contains(Tokenizer.Stem(words[i])))
            {
                continue;
            }

            for (var k = Math.Max(0, i - PartDistance); k <= Math.Min(words.Count - 1, i + PartDistance); k++)
            {
                if (WinWords.Contains(words[k]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "Who was the runner-up …?" is not answered by the winner ("World Cup 2010 winner - Spain"): a sentence that tells
    /// of a win but not of a runner-up, second place or the side beaten (<see cref="TermCoverage"/>'s stand-ins) answers
    /// the opposite role.
    /// </summary>
    internal static bool ContraryRole(QuestionProfile profile, string text) =>
        RunnerUp().IsMatch(profile.Question) && !RunnerUp().IsMatch(text) && !TermCoverage.Covered(profile, text).Contains("runner")
            && Tokenizer.Words(text).Exists(WinWords.Contains);

    /// <summary>
    /// A sentence about the sequel or successor of what the question names ("the anticipated sequel to 2018's Marvel's
    /// Spider-Man got a release date") tells of the other work, when it names the question's work only after that phrase.
    /// </summary>
    internal static bool SequelOf(QuestionProfile profile, string text)
    {
        var m = Sequel().Match(text);
        if (!m.Success || Stems(profile.Question).Contains(Tokenizer.Stem(m.Groups["key"].Value.ToLowerInvariant())))
        {
            return false;
        }

        var names = NameRuns(profile.Question, 1).SelectMany(r => r).Select(Tokenizer.Stem).ToList();
        return names.Count > 0 && !Tokenizer.Words(text[..m.Index]).Exists(w => names.Exists(n => TermCoverage.SameRoot(Tokenizer.Stem(w), n)));
    }

    /// <summary>
    /// The sentence denies the act the question turns on ("Nintendo's next Animal Crossing game isn't likely to
    /// release for a few years"): it says it has not happened, not when or by whom. "Not released until May" does date it.
    /// </summary>
    internal static bool Negated(QuestionProfile profile, string text)
    {
        foreach (var focus in profile.Focus)
        {
            var stem = Regex.Escape(Tokenizer.Stem(focus));
            var m = Regex.Match(text, $@"(\bnot|\bnever|\bno\s+longer|\byet\s+to|n['’]t)\b(\s+\S+){{0,2}}?\s+{stem}\w*", RegexOptions.IgnoreCase);
            if (m.Success && !UntilAfter().IsMatch(text[(m.Index + m.Length)..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A name of several capitalised words in the question ("Maxwell Award", "Best Actor") whose words the sentence has
    /// only apart ("2019 CFDA Awards winners: Brandon Maxwell", "the best supporting actor") names something else.
    /// </summary>
    internal static bool SplitName(string question, string text)
    {
        var words = Tokenizer.Words(text).Select(Tokenizer.Stem).ToList();
        foreach (var run in NameRuns(question, 2).Select(r => r.Select(Tokenizer.Stem).ToList()))
        {
            var present = run.Where(r => words.Exists(w => TermCoverage.SameRoot(w, r))).ToList();
            if (present.Count < 2)
            {
                continue;
            }

            var together = false;
            for (var j = 0; j + 1 < run.Count && !together; j++)
            {
                for (var k = 0; k + 1 < words.Count && !together; k++)
                {
                    var next = k + 1;
                    while (next < words.Count - 1 && char.IsDigit(words[next][0]))
                    {
                        next++;
                    }

                    together = TermCoverage.SameRoot(words[k], run[j]) && TermCoverage.SameRoot(words[next], run[j + 1]);
                }
            }

            if (!together)
            {
                return true;
            }
        }

        return LongerName(question, text) || ReplacedName(question, text);
    }

    /// <summary>
    /// A character at another age ("Lilly plays the young Diana Prince" for "Who will be playing the role of Diana
    /// Prince?"): another part, cast apart from the one asked about. Not when the question names that age itself.
    /// </summary>
    internal static bool AnotherAgeOf(string question, string text)
    {
        var names = NameRuns(question, 1).SelectMany(r => r).ToHashSet(StringComparer.Ordinal);
        return !AgeOfCharacter().IsMatch(question)
            && AgeOfCharacter().Matches(text).Any(m => names.Contains(m.Groups["name"].Value.ToLowerInvariant()));
    }

    [GeneratedRegex(@"\b(the\s+)?(?i:young|younger|teenage|teen|child|older|elder|adult)\s+(?<name>\p{Lu}[\p{L}\-]*)")]
    private static partial Regex AgeOfCharacter();

    /// <summary>
    /// The question's name of several words appears only as the start of a longer name ("NBA Draft" in "the 2021 NBA Draft
    /// Combine", "the NBA Draft Preview show"): that is another event, body or work. A word for the relation the question
    /// asks about is no part of a name: "Maxwell Award Recipients" are the award's winners.
    /// </summary>
    internal static bool LongerName(string question, string text)
    {
        var asked = Stems(question);
        var relation = QuestionFocus.Of(question).SelectMany(QuestionFocus.OtherWordsFor).ToHashSet(StringComparer.Ordinal);
        foreach (var run in NameRuns(question, 2))
        {
            // A number right after the name is its own ("Chronicles 2 DLC"); what follows it decides.
            var pattern = @"(?i:\b" + string.Join(@"\w*\s+", run.Select(Regex.Escape)) + @"\w*)(\s+\d+\b)?(?<after>\s+\p{Lu}[\p{L}\-]*)?";
            var found = Regex.Matches(text, pattern);
            if (found.Count > 0 && found.All(m => m.Groups["after"].Success
                && !asked.Contains(Tokenizer.Stem(m.Groups["after"].Value.Trim().ToLowerInvariant()))
                && !relation.Contains(m.Groups["after"].Value.Trim().ToLowerInvariant())))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The question's name of several words appears with its last word after another capitalised word instead
    /// ("Delaware's 2020 State Teacher of the Year" for "the 2020 National Teacher of the Year", "Best Supporting Actor"
    /// for "Best Actor"): another title.
    /// </summary>
    internal static bool ReplacedName(string question, string text)
    {
        foreach (var run in NameRuns(question, 2))
        {
            var stems = run.Select(Tokenizer.Stem).ToList();
            var pattern = @"\b(?<before>\p{Lu}[\p{L}\-]*)\s+(?i:" + Regex.Escape(run[^1]) + @"\w*)\b";
            var replaced = Regex.Matches(text, pattern).Any(m =>
                !StopWords.Contains(m.Groups["before"].Value.ToLowerInvariant())
                && !stems.Exists(r => TermCoverage.SameRoot(r, Tokenizer.Stem(m.Groups["before"].Value.ToLowerInvariant()))));
            var kept = Regex.IsMatch(text, @"(?i:\b" + Regex.Escape(run[^2]) + @"\w*\s+" + Regex.Escape(run[^1]) + @")");
            if (replaced && !kept)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Runs of at least <paramref name="least"/> capitalised words in a question after its first word, lower-cased
    /// ("maxwell", "award"); a possessive ends a run, and a word that numbers a series ("Season") is none of it.
    /// </summary>
    private static List<List<string>> NameRuns(string question, int least)
    {
        var runs = new List<List<string>>();
        var run = new List<string>();
        var tokens = question.Split([' ', '\t', '"', '“', '”', '?', ',', ':', ';', '(', ')', '!'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var word = Tokenizer.Words(token).FirstOrDefault() ?? string.Empty;
            var capitalised = char.IsUpper(token[0]) && word.Length > 1 && !StopWords.Contains(word);
            if (capitalised && !SeriesNouns.Contains(word))
            {
                run.Add(word);
            }

            if (!capitalised || token.EndsWith("'s", StringComparison.Ordinal) || token.EndsWith("’s", StringComparison.Ordinal))
            {
                if (run.Count >= least)
                {
                    runs.Add(run);
                }

                run = [];
            }
        }

        if (run.Count >= least)
        {
            runs.Add(run);
        }

        return runs;
    }

    private static HashSet<string> Stems(string text) => Tokenizer.Words(text).Select(Tokenizer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A when-question's date cannot come from a page's date when the sentence places its event relative to some
    /// other time and gives no date of its own ("Jul 7, 2018 ... When Xenoblade Chronicles 2 released last year").
    /// </summary>
    internal static bool DatedByAnotherTime(string text) =>
        RelativeTime().IsMatch(text) && AnswerCue.DatePrecision(text) == 0 && !YearInText().IsMatch(text);

    private readonly record struct Member(string Series, int Number);

    private static List<Member> Members(string text)
    {
        var members = new List<Member>();
        foreach (Match m in SeriesMember().Matches(text))
        {
            var series = Tokenizer.Stem(m.Groups["series"].Value.ToLowerInvariant());
            if (NumberOf(m.Groups["n"].Value) is { } n)
            {
                members.Add(new Member(series, n));
            }
        }

        foreach (Match m in QuarterCode().Matches(text))
        {
            members.Add(new Member("quarter", m.Groups["n"].Value[0] - '0'));
        }

        return members;
    }

    private static int? NumberOf(string token)
    {
        var t = token.ToLowerInvariant();
        if (int.TryParse(OrdinalSuffix().Replace(t, string.Empty), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var index = Array.IndexOf(Ordinals, t);
        if (index >= 0)
        {
            return index + 1;
        }

        index = Array.IndexOf(Romans, t);
        return index >= 0 ? index + 1 : null;
    }

    private static readonly string[] Ordinals =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];

    private static readonly string[] Romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

    /// <summary>Parts of a contest that have winners of their own (a stage of a cycling tour, a heat of a race).</summary>
    private static readonly HashSet<string> PartWords = new(StringComparer.Ordinal) { "stage", "leg", "heat", "lap", "semifinal", "quarterfinal", "qualifier" };

    private static readonly HashSet<string> WinWords = new(StringComparer.Ordinal)
    {
        "win", "wins", "won", "winning", "winner", "winners", "victory", "victories", "tops", "topped",
    };

    /// <summary>How many words apart a win and a part of the contest are read as one phrase ("wins stage 13", "stage 21 victory").</summary>
    private const int PartDistance = 3;

    private const string OrdinalWords = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|\\d{1,3}(?:st|nd|rd|th)";

    private const string SeriesWords = "season|series|episode|edition|quarter|part|chapter|volume|stage";

    /// <summary>Words that number a member of a series ("Season 17"): capitalised in a title, but no part of its name.</summary>
    private static readonly HashSet<string> SeriesNouns = new(SeriesWords.Split('|'), StringComparer.Ordinal);

    /// <summary>"the first season", "the tenth and final season", "third-quarter", "Season 17", "Part II", "stage 13".</summary>
    [GeneratedRegex(@"\b(?<n>" + OrdinalWords + @")(?:\s+and\s+(?:final|last))?[\s\-]+(?<series>" + SeriesWords + @")s?\b|\b(?<series>" + SeriesWords + @")\s+(?<n>\d{1,3}|[IVX]{1,4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeriesMember();

    [GeneratedRegex(@"\bQ(?<n>[1-4])\b")]
    private static partial Regex QuarterCode();

    [GeneratedRegex(@"(st|nd|rd|th)$")]
    private static partial Regex OrdinalSuffix();

    [GeneratedRegex(@"(?<bound>\b(since|until|till|before|after|by)\s+)?\b(?<year>(1[5-9]|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearInText();

    [GeneratedRegex(@"\b(is|are|was|were)\s+(due|scheduled|expected|set|planned)\s+to\s+(be\s+held|take\s+place|open|start|begin|convene)\b|\bwill\s+(be\s+held|take\s+place|convene)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Upcoming();

    [GeneratedRegex(@"\b(?<key>semi-?finalists?|finalists?|contenders?|shortlist(ed)?|bidding)\b|\b(?<key>applications?|bids?|candidac(y|ies))\s+(to|for)\b|\b(will|to)\s+be\s+(?<key>announced|named|revealed|decided|chosen|selected|crowned|awarded|unveiled)\b|\bwho\s+is\s+(?<key>winning|leading)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UndecidedWords();

    /// <summary>"Who is the president of the NFL?", "Who was the new CEO of Fidelity Investments?": an office and whose it is.</summary>
    [GeneratedRegex(@"^\s*who\s+(?<tense>is|are|was|were)\s+the\s+([\w\-']+\s+){0,3}?[\w\-']+\s+of\s+(the\s+)?(?<of>[^?]+)", RegexOptions.IgnoreCase)]
    private static partial Regex OfficeQuestion();

    /// <summary>"of an NFL team", "of the NFL Players Association": the first word of what an office is of, and the word after it.</summary>
    [GeneratedRegex(@"^\s+of\s+(the\s+|an?\s+)?[\W_]*(?<first>[\p{L}\d][\p{L}\d\-]*)(['’]s)?[”""'’]?(\s+(?<next>[\p{L}][\p{L}\-]*))?")]
    private static partial Regex OfComplement();

    /// <summary>"The Director's Cut": the office's word as part of a name.</summary>
    [GeneratedRegex(@"^['’]s\s+\p{Lu}")]
    private static partial Regex NamePart();

    /// <summary>"Bohemian Rhapsody video director": a name, then a noun that says what the office is of.</summary>
    [GeneratedRegex(@"\b(?<name>\p{Lu}[\p{L}\-]*)[”""'’]?\s+(?<word>\p{Ll}[\p{L}\-]+)\s+$")]
    private static partial Regex AnotherModifier();

    /// <summary>"Las Vegas Raiders president", "their new team president": whose office it is, right before it.</summary>
    [GeneratedRegex(@"(?<=\S\s+)\p{Lu}[\p{L}\-]*[”""'’]?\s+$|\b(?<body>team|club|union|council|board|foundation|association|committee|party|league|federation|company|firm)\s+$")]
    private static partial Regex OwnerBefore();

    /// <summary>A nationality ("Australian director", "Italian-American director"): it says where the holder is from, not whose the office is.</summary>
    [GeneratedRegex(@"(ian|ean|ican|ese|ish)$")]
    private static partial Regex Demonym();

    [GeneratedRegex(@"\brunner[\s\-]?up|\bsecond\s+place\b", RegexOptions.IgnoreCase)]
    private static partial Regex RunnerUp();

    [GeneratedRegex(@"\b(?<key>sequel|successor|follow-up|prequel|remake|spin-off)\s+(to|of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sequel();

    [GeneratedRegex(@"^\W*(\S+\s+){0,6}?(until|till)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UntilAfter();

    /// <summary>What makes the office someone's past or another office, right before its name: "the former", "ex-", "stepping down as", "vice-".</summary>
    [GeneratedRegex(@"\b(former|ex|outgoing|late|previous|vice|deputy)[\s\-]+(\p{L}+\s+)?$|\b(step(s|ped|ping)?\s+down|resign(s|ed|ing)?|retir(es|ed|ing))\s+as\s+(\p{L}+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NotTheHolder();

    [GeneratedRegex(@"\b(original|originally|initial|initially)\s+(\p{L}+\s+)?(release\s+date|date|scheduled|slated|planned|set|due)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPlan();

    /// <summary>A date with its month ("April 16, 2020", "June 25", "10 December 2020").</summary>
    [GeneratedRegex(@"\b(" + AnswerCue.Months + @")\.?\s+\d{1,2}\b|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(" + AnswerCue.Months + @")\b")]
    private static partial Regex DateInText();

    [GeneratedRegex(@"\b(last|next|previous|coming)\s+(year|month|week|season|spring|summer|fall|autumn|winter)\b|\bago\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeTime();

    /// <summary>"did Lukashenko say", "does the Pentagon estimate": the source whose words the question asks for.</summary>
    [GeneratedRegex(@"\b(?:did|does|do|has|have|had)\s+(?:the\s+)?(?:(?<name>\p{Lu}[\p{L}\-]+)\s+)+(?:say|said|claim|claimed|tell|told|report|reported|estimate|estimated|state|stated|admit|admitted)\b")]
    private static partial Regex AskedSource();

    /// <summary>"The Pentagon said", "Shoigu revised the official count and said", "according to": the sentence gives someone's words.</summary>
    [GeneratedRegex(@"\b(?:said|says|told|tells|added|adds|estimated|estimates|believed|believes|claimed|claims|reported|reports|recalls|recalled|according\s+to)\b")]
    private static partial Regex SaidBy();

    [GeneratedRegex(@"\b(in\s+total|in\s+all|altogether|all\s+told|overall|total\s+number|the\s+total)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Total();

    /// <summary>"every day", "per week", "daily": a count for each span of time.</summary>
    [GeneratedRegex(@"\b(every|each|per)\s+(day|night|week|month|year|hour)\b|\b(daily|nightly|weekly|monthly|hourly)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rate();

    /// <summary>A page's date: a search snippet's "Jul 7, 2018 ...", or the page's own "Posted on July 22, 2025", "1 min readLast updated: January 22, 2026".</summary>
    [GeneratedRegex(@"^\s*(\d+\s+min\s+read\s*)?((last\s+)?updated|posted|published)?\s*(on\s+|:\s*)?(" + AnswerCue.Months + @")\.?\s+\d{1,2},?\s+(1[5-9]|20)\d\d\s*(\.\.\.|…)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLabel();
}
