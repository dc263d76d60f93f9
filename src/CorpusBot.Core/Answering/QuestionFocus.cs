using System.Text.RegularExpressions;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering;

/// <summary>
/// The word a question turns on: the verb or relational noun that ties the asked-for thing to the rest ("Who
/// <em>won</em> Wimbledon in 2019?", "What was Tesla's <em>revenue</em> in Q1 2021?", "When was Splatoon 2
/// <em>released</em>?", "How many Russian soldiers <em>died</em> …?"). A sentence that shows a name, number or date
/// but not this word answers a neighbouring question ("… Serena Williams and Johanna Konta …" does not say who won).
/// Found by a few surface patterns only where they are unambiguous; when none applies the question has no focus and
/// nothing is required. Verbs of saying are not a focus: "who said he ordered …" turns on "ordered", not "said".
/// </summary>
public static partial class QuestionFocus
{
    private static readonly HashSet<string> SayingOrEmpty = new(StringComparer.Ordinal)
    {
        "said", "say", "says", "told", "tell", "stated", "state", "claimed", "claim", "reported", "report", "mentioned",
        "described", "called", "named", "happened", "happen", "did", "do", "does", "was", "were", "is", "are", "has",
        "have", "had", "be", "been", "get", "got", "go", "went", "make", "made", "take", "took", "give", "gave",
        "name", "number", "date", "year", "time", "day", "kind", "type", "part", "one", "ones",
    };

    /// <summary>The focus words of <paramref name="question"/>, lower-cased (usually one, none when unclear).</summary>
    public static IReadOnlyList<string> Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var q = Spaces().Replace(question.Trim().ToLowerInvariant().Replace('’', '\''), " ");
        // "When did Lukashenko visit …?": the verb after a named subject (the name's capital tells where the subject ends).
        if (WhenDidNameDo().Match(question.Trim()) is { Success: true } when && !LightVerbs.Contains(when.Groups["focus"].Value))
        {
            return [when.Groups["focus"].Value];
        }

        foreach (var pattern in Patterns)
        {
            var m = pattern.Match(q);
            if (m.Success && m.Groups["focus"].Value is { Length: > 2 } word && !SayingOrEmpty.Contains(word))
            {
                return [word];
            }
        }

        return [];
    }

    /// <summary>
    /// Past forms of common verbs that do not end in -ed: "who paid for …" turns on "paid" as "who founded …" on "founded".
    /// </summary>
    private const string IrregularPast =
        "won|led|built|wrote|ran|began|bought|sold|made|became|beat|lost|left|fled|met|shot|hit|took|gave|paid|sent|told|kept|held|"
        + "brought|caught|fought|found|knew|saw|drove|flew|chose|broke|stole|hid|struck|swam|stood|spent|sought|taught|threw|drew|"
        + "fell|went|came|put|set|cut|let";

    private static readonly Regex[] Patterns =
    [
        WhoVerb(), DateOfEvent(), WhatIsTheNounOf(), PossessiveNoun(), WhenWasDone(), HowManyNounVerb(), WhichNounVerb(), YesNoDone(),
    ];

    /// <summary>
    /// Whether the question asks whether something is so ("Did Belarus get paid …?", "Was Andrei jailed?"): its answer
    /// must speak of that very act, or the quote only shows the topic.
    /// </summary>
    public static bool IsYesNo(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return YesNoOpening().IsMatch(question.TrimStart());
    }

    [GeneratedRegex(@"^(did|does|do|has|have|had|was|were|is|are|will|would|can|could)\s", RegexOptions.IgnoreCase)]
    private static partial Regex YesNoOpening();

    /// <summary>"did belarus get paid for …", "was andrei jailed …", "were the doctors forced to …": the act asked about.</summary>
    [GeneratedRegex(@"^(did|does|do|has|have|had|was|were|is|are)\s+((?!(get|got|be|been|being)\b)[\w\-']+\s+){1,3}?((get|got|be|been|being)\s+)?(?<focus>[a-z]+ed|paid|kept|sent|held|built|sold|bought|hidden|taken|given|known|shown|seen|beaten|arrested|jailed)\b")]
    private static partial Regex YesNoDone();

    /// <summary>"who won …", "who acquired …", "who founded …" (not "who is", "who did").</summary>
    [GeneratedRegex(@"^who\s+(?<focus>[a-z]+(ed|en)|" + IrregularPast + @")\b")]
    private static partial Regex WhoVerb();

    /// <summary>"what is the release date of …", "what was the premiere date for …": the event whose date is asked.</summary>
    [GeneratedRegex(@"^(what|which)\s+(is|was|are|were)\s+the\s+(?<focus>[a-z]+)\s+(date|year|day)\s+(of|for|in|when)\b")]
    private static partial Regex DateOfEvent();

    /// <summary>"who is the director of …", "who is the maxwell award winner in 2019", "what was the population of …".</summary>
    [GeneratedRegex(@"^(who|what)\s+(is|was|are|were)\s+the\s+([\w\-']+\s+){0,3}?(?<focus>[a-z]+)\s+(of|in|for|at|on|to)\b")]
    private static partial Regex WhatIsTheNounOf();

    /// <summary>"what was tesla's revenue in q1 2021", "who is apple's ceo", "what was russia's first official death toll?" (the head noun, not its adjectives).</summary>
    [GeneratedRegex(@"^(who|what)\s+(is|was|are|were)\s+[\w\-]+'s\s+([a-z\-]+\s+){0,3}?(?<focus>[a-z]+)\s*(\?|$|(in|of|for|at|on|during|by|according)\b)")]
    private static partial Regex PossessiveNoun();

    /// <summary>"when was splatoon 2 released?", "when was openai founded?".</summary>
    [GeneratedRegex(@"^when\s+(was|were|is|are)\s+.+\s(?<focus>[a-z]+(ed|en))\s*(in\s+[\w\s]+)?\??$")]
    private static partial Regex WhenWasDone();

    /// <summary>
    /// "how many russian soldiers died in …", "how many people fled …": an active past-tense verb right after the counted
    /// noun. A passive ("how many troops were cared for") is left without a focus, so its paraphrase ("treated") still counts.
    /// </summary>
    [GeneratedRegex(@"^how\s+(many|much)\s+((?!(was|were|is|are|did|do|does|had|has|have|been|be)\b)[\w\-']+\s+){1,3}?(?<focus>[a-z]+ed|died|fled|won|lost|left|fell|went)\b")]
    private static partial Regex HowManyNounVerb();

    /// <summary>"which monitoring group shared …", "which russian general visited …" (not "what share of belarusians backed …", whose verb is the belarusians').</summary>
    [GeneratedRegex(@"^(which|what)\s+((?!(was|were|is|are|did|do|does|had|has|have|of|in|for|at|on|with|by|from|to)\b)[\w\-']+\s+){1,3}?(?<focus>[a-z]+ed|" + IrregularPast + @")\s+[a-z]")]
    private static partial Regex WhichNounVerb();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>"When did Lukashenko visit …", "When did Belarus stop treating …": a one- or two-word name, then its verb.</summary>
    [GeneratedRegex(@"^[Ww]hen\s+did\s+\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)?\s+(?:first\s+|finally\s+|last\s+|officially\s+)?(?<focus>\p{Ll}{3,})\b")]
    private static partial Regex WhenDidNameDo();

    /// <summary>Verbs too general to tell one event from another ("when did the awards take place?", "when did it happen?").</summary>
    private static readonly HashSet<string> LightVerbs = new(StringComparer.Ordinal)
    {
        "take", "have", "get", "make", "come", "happen", "become", "say", "tell", "start", "begin", "end",
    };

    /// <summary>
    /// Whether a sentence holds every focus word at least half-way: by its key-term credit (literal or paraphrase, see
    /// <see cref="Reader.Paraphrases"/>) or by a form the stemmer cannot join ("winner" is held by "won").
    /// </summary>
    public static bool HeldBy(QuestionProfile profile, IReadOnlyDictionary<string, double> credits, string sentence)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(credits);
        ArgumentNullException.ThrowIfNull(sentence);
        if (profile.Focus.Count == 0)
        {
            return true;
        }

        var words = Tokenizer.Words(sentence);
        return profile.Focus.All(f => credits.GetValueOrDefault(Tokenizer.Stem(f)) >= 0.5
            || (FormsOf(f) is { } forms && words.Exists(forms.Contains))
            || (SpelledOut.TryGetValue(f, out var spelled) && words.Exists(spelled.Contains)));
    }

    private static HashSet<string>? FormsOf(string focus) =>
        IrregularForms.TryGetValue(focus, out var listed) ? listed
        : PastForms.TryGetValue(focus, out var past) ? past
        : FormsOfBase.GetValueOrDefault(focus);

    /// <summary>Other words for the act a focus word names ("treated" for "cared"), beyond its own forms; empty when none are listed.</summary>
    public static IReadOnlyCollection<string> OtherWordsFor(string focus)
    {
        ArgumentNullException.ThrowIfNull(focus);
        return FormsOf(focus) ?? [];
    }

    /// <summary>
    /// Winning, as news tells it: the forms of "win" and the verbs sport and election reports use for it ("France
    /// captured its second title after defeating Croatia", "Norway collected 39 medals", "clinched the title").
    /// </summary>
    private static readonly string[] Winning =
    [
        "won", "win", "wins", "winning", "winner", "winners", "victory", "champion", "champions", "title", "triumph", "triumphed",
        "beat", "beating", "defeated", "defeating", "clinched", "claimed", "captured", "secured", "earned", "collected",
        "recipient", "recipients",
    ];

    /// <summary>
    /// The words an abbreviation stands for ("chief executive" for "CEO"): either shows that a sentence speaks of it,
    /// though neither alone names it ("the chief executives of Facebook and Apple" names no CEO's office).
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> SpelledOut = new(StringComparer.Ordinal)
    {
        ["ceo"] = ["chief", "executive"],
    };

    /// <summary>
    /// The other forms of verbs whose past the stemmer cannot join to them (see <see cref="IrregularPast"/>): "who brought
    /// the soldiers across" is held by "Moscow began bringing wounded foot soldiers across the border", and "when did
    /// Tsikhanouskaya meet …" by "Tsikhanouskaya met with …".
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> PastForms = new(StringComparer.Ordinal)
    {
        ["built"] = ["build", "builds", "building"],
        ["wrote"] = ["write", "writes", "writing", "written"],
        ["ran"] = ["run", "runs", "running"],
        ["began"] = ["begin", "begins", "beginning", "begun"],
        ["bought"] = ["buy", "buys", "buying"],
        ["sold"] = ["sell", "sells", "selling"],
        ["made"] = ["make", "makes", "making"],
        ["became"] = ["become", "becomes", "becoming"],
        ["met"] = ["meet", "meets", "meeting"],
        ["shot"] = ["shoot", "shoots", "shooting"],
        ["took"] = ["take", "takes", "taking", "taken"],
        ["gave"] = ["give", "gives", "giving", "given"],
        ["paid"] = ["pay", "pays", "paying", "payment", "payments"],
        ["sent"] = ["send", "sends", "sending"],
        ["told"] = ["tell", "tells", "telling"],
        ["kept"] = ["keep", "keeps", "keeping"],
        ["held"] = ["hold", "holds", "holding"],
        ["brought"] = ["bring", "brings", "bringing"],
        ["caught"] = ["catch", "catches", "catching"],
        ["fought"] = ["fight", "fights", "fighting"],
        ["found"] = ["find", "finds", "finding"],
        ["knew"] = ["know", "knows", "knowing", "known"],
        ["saw"] = ["see", "sees", "seeing", "seen"],
        ["drove"] = ["drive", "drives", "driving", "driven"],
        ["flew"] = ["fly", "flies", "flying", "flown"],
        ["chose"] = ["choose", "chooses", "choosing", "chosen"],
        ["broke"] = ["break", "breaks", "breaking", "broken"],
        ["stole"] = ["steal", "steals", "stealing", "stolen"],
        ["hid"] = ["hide", "hides", "hiding", "hidden"],
        ["struck"] = ["strike", "strikes", "striking"],
        ["swam"] = ["swim", "swims", "swimming"],
        ["stood"] = ["stand", "stands", "standing"],
        ["spent"] = ["spend", "spends", "spending"],
        ["sought"] = ["seek", "seeks", "seeking"],
        ["taught"] = ["teach", "teaches", "teaching"],
        ["threw"] = ["throw", "throws", "throwing", "thrown"],
        ["drew"] = ["draw", "draws", "drawing", "drawn"],
        ["fell"] = ["fall", "falls", "falling", "fallen"],
        ["went"] = ["go", "goes", "going", "gone"],
        ["came"] = ["come", "comes", "coming"],
    };

    /// <summary>Each other form of a verb in <see cref="PastForms"/> with its past and the rest ("meet" → "met", "meets", "meeting").</summary>
    private static readonly Dictionary<string, HashSet<string>> FormsOfBase = PastForms
        .SelectMany(p => p.Value.Select(form => (form, words: p.Value.Where(v => v != form).Append(p.Key))))
        .GroupBy(x => x.form, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(x => x.words).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Forms of the same act that share no stem, and a few acts news reports name with another verb.</summary>
    private static readonly Dictionary<string, HashSet<string>> IrregularForms = new(StringComparer.Ordinal)
    {
        ["won"] = [.. Winning],
        ["winner"] = [.. Winning],
        ["winners"] = [.. Winning],
        ["champion"] = ["won", "win", "wins", "winner", "title"],
        ["died"] = ["dead", "death", "deaths", "killed", "die", "dies"],
        ["director"] = ["directed", "directs", "directing"],
        ["founder"] = ["founded", "co-founded", "cofounded"],
        ["founded"] = ["founder", "founders", "co-founder", "cofounder"],
        ["author"] = ["wrote", "written", "writes"],
        ["lost"] = ["lose", "loses", "losing", "loser", "defeat", "defeated", "beaten"],
        ["fled"] = ["flee", "flees", "fleeing", "escaped"],
        ["led"] = ["lead", "leads", "leading", "leader"],
        ["hosted"] = ["host", "hosts", "hosting", "held"],
        // A game, film or product "released" in a country is also said to be launched, published or to have debuted there.
        ["released"] = ["launched", "launch", "launches", "published", "debuted", "debut", "premiered"],
        // Acts that news reports name with another verb, which neither the stemmer nor single-word similarity joins.
        ["cared"] = ["treated", "treat", "treating", "treatment", "care"],
        ["arrived"] = ["brought", "taken", "admitted", "came", "transported", "arrivals"],
        ["toll"] = ["killed", "dead", "deaths", "losses", "casualties"],
    };
}
