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
