using System.Text.RegularExpressions;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// "Who is Andrei?" asks what someone is, not for a name: it is answered by a sentence that describes the name —
/// "Andrei, a doctor, had been planning his escape", "Aliaksandr Azarau, head of ByPol", "Opposition leader Sviatlana
/// Tsikhanouskaya", "Russian President Vladimir Putin" — not by one that only mentions it ("After being imprisoned in the
/// Belarusian capital, Minsk, …, Andrei said he felt …"). Likewise "Where is Mazyr?" asks where that place lies, not for
/// any place named beside it.
/// </summary>
public static partial class Description
{
    /// <summary>The name a "who is …?" question asks about ("Sviatlana Tsikhanouskaya"), or null for any other question.</summary>
    public static string? AskedName(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return WhoIsName().Match(question.Trim()) is { Success: true } m ? m.Groups["name"].Value.Trim() : null;
    }

    /// <summary>
    /// Whether <paramref name="sentence"/> says what <paramref name="name"/> is: a role or title right before the name
    /// ("spokesman Ned Price", "Defense Minister Sergei Shoigu"), or after it an apposition (", a doctor", ", head of
    /// ByPol", ", Tsikhanouskaya's chief political adviser", ", who …") or "is a …". The name is found by its last word.
    /// </summary>
    public static bool Tells(string name, string sentence)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(sentence);
        var last = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        foreach (Match m in Regex.Matches(sentence, @"(?<![\p{L}\-])" + Regex.Escape(last) + @"(?![\p{L}\-’'])"))
        {
            var run = NameRunBefore().Match(sentence[..m.Index]);
            if (Title().IsMatch(run.Value) || Role().IsMatch(sentence[..run.Index]) || Apposition().IsMatch(sentence[(m.Index + m.Length)..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The word for the role a "what is the name of …?" question picks someone out by, and its owner where the question
    /// gives one: "official" of "the name of the hospital official who gathered the doctors", "fisherman" of "the
    /// Lithuanian fisherman", "daughter" and "Andrei" of "Andrei's daughter"; null for any other question.
    /// </summary>
    public static NamedRole? AskedRole(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return NameOfRole().Match(question.Trim()) is { Success: true } m
            ? new NamedRole(m.Groups["role"].Value.ToLowerInvariant(), m.Groups["owner"].Success ? m.Groups["owner"].Value : null)
            : null;
    }

    /// <summary>
    /// Whether <paramref name="sentence"/> gives the name of someone it calls <paramref name="role"/>: the name right after
    /// the role ("hospital official Ivan Sokol", "a fisherman named Ivan", "his daughter, Masha") or the role in an
    /// apposition after the name ("Ivan Sokol, a hospital official", "Ivan Sokol is the chief doctor"). A sentence that names
    /// someone else beside the role ("Andrei called a hospital official who gathered …") gives no such name.
    /// </summary>
    public static bool NamesRole(NamedRole role, string sentence)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(sentence);
        var word = "(?i:" + Regex.Escape(role.Role) + @"(?:s|es)?)";
        // "Amazon's ai assistant" is also named by its owner's name before it: "Amazon's Alexa", "Microsoft HoloLens".
        // A sentence that speaks of the role may name it further on: "its AI assistant … a new service called Alexa".
        return (role.Owner is { } owner && Regex.IsMatch(sentence, @"\b" + Regex.Escape(owner) + @"(?:[’']s)?\s+\p{Lu}"))
            || (Regex.IsMatch(sentence, @"\b" + word + @"\b") && Regex.IsMatch(sentence, @"\b(?:called|named)\s+\p{Lu}"))
            || Regex.IsMatch(sentence, @"\b" + word + @"(?:,\s+|\s+(?:named|called)\s+|\s+)\p{Lu}\p{Ll}")
            || Regex.IsMatch(sentence, @"\p{Lu}[\p{L}\-]+(?:\s+(?:said|says|told|added)\.?\s*)?(?:,\s+|\s+(?:is|was)\s+)(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\p{L}\-’']+\s+){0,3}" + word + @"\b");
    }

    /// <summary>The place a "where is …?" question asks about ("Mazyr" of "Where is Mazyr located?"), or null for any other question.</summary>
    public static string? AskedPlace(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return WhereIsName().Match(question.Trim()) is { Success: true } m ? m.Groups["name"].Value.Trim() : null;
    }

    /// <summary>
    /// Whether <paramref name="sentence"/> says where the place <paramref name="name"/> is: a place follows the name as
    /// what it lies in ("Mazyr, a town in the Gomel region of southern Belarus", "Naroulia, closer to the border"), not a
    /// list it stands in ("in Gomel, Mazyr and I think some other district") or a longer name ("Mazyr Municipal Hospital").
    /// </summary>
    public static bool Locates(string name, string sentence)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(sentence);
        var last = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        return Regex.Matches(sentence, @"(?<![\p{L}\-])" + Regex.Escape(last) + @"(?![\p{L}\-’'])")
            .Any(m => LiesIn().IsMatch(sentence[(m.Index + m.Length)..]));
    }

    /// <summary>"What is the name of the hospital official who …", "What was the surname of Andrei's daughter?": the role's last word.</summary>
    [GeneratedRegex(@"^[Ww]hat\s+(?:is|was)\s+the\s+(?:sur)?name\s+of\s+(?:the\s+|a\s+|an\s+|(?<owner>\p{Lu}[\p{L}\-]*)[’']s\s+)?(?:[\p{L}\-]+\s+){0,3}?(?<role>\p{Ll}[\p{L}\-]*)(?=\s+(?:who|that|which|whose|in|of|at|for|from|on|with)\b|\s*\?|\s*$)")]
    private static partial Regex NameOfRole();

    [GeneratedRegex(@"^[Ww]here\s+(?:is|was|are|were)\s+(?:the\s+)?(?<name>(?:\p{Lu}[\p{L}\-’'.]*\s*)+)(?:located\s*|situated\s*)?\??$")]
    private static partial Regex WhereIsName();

    /// <summary>", a town in the Gomel region", " in Gomel", ", one of at least 3 hospitals in the Gomel region", ", near the border".</summary>
    [GeneratedRegex(@"^\s*(?:,\s*(?:(?:a|an|the|one)\s[^.;:!?,]{0,60}?)?)?(?:in|near|outside|south\s+of|north\s+of|east\s+of|west\s+of|closer\s+to|on)\s+(?:the\s+)?(?:\p{Lu}|border|outskirts|edge|bank)")]
    private static partial Regex LiesIn();

    [GeneratedRegex(@"^[Ww]ho\s+(?:is|was|are|were)\s+(?<name>(?:\p{Lu}[\p{L}\-’'.]*\s*)+)\??$")]
    private static partial Regex WhoIsName();

    /// <summary>The capitalised words right before the name's last word: "Russian President Vladimir ", "Defense Minister Sergei ".</summary>
    [GeneratedRegex(@"(?:\p{Lu}[\p{L}\-.]*\s+)*$")]
    private static partial Regex NameRunBefore();

    /// <summary>A title among them: "President", "Minister".</summary>
    [GeneratedRegex(@"\b(?:President|Minister|Secretary|Chancellor|Prime|General|Colonel|Dr|Mr|Mrs|Ms)\b")]
    private static partial Regex Title();

    /// <summary>A word for someone's role right before their name: "leader ", "spokesman ", "activist ", "doctor ".</summary>
    [GeneratedRegex(@"\b(?!(?:under|after|other|over|never|ever|for|nor|or|per|whether|either|neither|rather|later|earlier|major|minor|former)\s)\p{Ll}{2,}(?:er|or|ist|man|woman|ent|ant|ian|chief|head|minister|official)\s+$")]
    private static partial Regex Role();

    /// <summary>
    /// What follows a name to say what it is: ", a doctor", ", head of ByPol", ", Tsikhanouskaya's chief political adviser",
    /// ", who has lived in exile", " is a …"; a closing attribution may come between ("Anton Motolko said. , a Belarusian blogger").
    /// </summary>
    [GeneratedRegex(@"^(?:\s+(?:said|says|told|added)\.?\s*)?(?:,\s+(?:a|an|the|who|one\s+of)\s|,\s+\p{Ll}+\s+(?:of|at|for)\s|,\s+\p{Lu}\p{L}+[’']s\s|\s+(?:is|was)\s+(?:a|an|the)\s)")]
    private static partial Regex Apposition();
}

/// <summary>Whom a "what is the name of …?" question asks about: a role ("official") and, if the question gives one, its owner ("Amazon" of "Amazon's ai assistant").</summary>
public sealed record NamedRole(string Role, string? Owner);
