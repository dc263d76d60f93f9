using System.Text.RegularExpressions;
using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.ShortAnswers;

/// <summary>
/// Cuts the answer in a few words out of the quotes an extractive answer gives: for a question that asks for a number,
/// date, place or name (who, which organisation), the span of each quote that shows it — "250 beds", "January 22,
/// 2026", "Gomel and Khoiniki", "Alexander Lukashenko" — chosen among the quote's candidates by what the question asks
/// ("how many beds" wants a number followed by "beds") and by nearness to the question's own words. At most one span
/// per quote, so sources that disagree each keep their own line. Why, how and what-happened questions get none: the
/// quotes speak. Precision over recall: no line is better than a wrong one, since the quote below says it anyway.
/// </summary>
public static partial class ShortAnswerFinder
{
    /// <summary>The question kinds a short answer can serve.</summary>
    public static bool Serves(QuestionType type) => type is QuestionType.HowMany or QuestionType.When or QuestionType.Where or QuestionType.Who;

    /// <param name="standIns">
    /// Stems of quote words that stand for the counted thing in other words ("soldiers" for the question's "troops"; see
    /// <see cref="Paraphrases.StandInsAsync"/>), so a paraphrased how-many question still gets its number.
    /// </param>
    public static IReadOnlyList<ShortAnswer> Find(QuestionProfile profile, IReadOnlyList<Citation> citations, IReadOnlySet<string>? standIns = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(citations);
        if (!Serves(profile.Type) || Description.AskedName(profile.Question) is not null)
        {
            return []; // "Who is Sviatlana Tsikhanouskaya?" asks what she is, not a name
        }

        var unit = AskedUnit(profile.Question);
        if (unit.Count > 0 && QuestionAnalyzer.MeasureOf(profile.Question) is null && standIns is not null)
        {
            unit.UnionWith(standIns);
        }
        var found = new List<ShortAnswer>();
        for (var i = 0; i < citations.Count; i++)
        {
            var citation = citations[i];
            // The reader's own test of "does this sentence show what is asked" gates the span search.
            if (!AnswerCue.Shows(profile, citation.Quote) || Best(profile, unit, citation.Quote) is not { } span)
            {
                continue;
            }

            var (start, length) = Trim(citation.Quote, span.Start, span.Length);
            if (length > 0)
            {
                var text = citation.Quote.Substring(start, length);
                found.Add(new ShortAnswer(text, i, citation.Start + start, citation.Start + start + length));
            }
        }

        return found;
    }

    /// <summary>Characters looked at on either side of a candidate: room for "directed, written, produced, and co-edited by ".</summary>
    private const int EdgeWindow = 80;

    private static readonly string[] TimeUnits = ["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"];

    private static readonly string[] LengthUnits = ["mile", "miles", "kilometre", "kilometres", "kilometer", "kilometers", "km", "metre", "metres", "meter", "meters", "feet", "foot"];

    private static readonly System.Buffers.SearchValues<char> ClausePunctuation = System.Buffers.SearchValues.Create(".,;:!?)”\"");

    private readonly record struct Candidate(int Start, int Length, double Score);

    private static Candidate? Best(QuestionProfile profile, HashSet<string> unit, string quote)
    {
        var anchors = Anchors(profile, quote);
        var candidates = profile.Type switch
        {
            QuestionType.HowMany => Amounts(profile, unit, quote),
            QuestionType.When => Dates(profile, quote),
            // "Where is Naroulia?": only a place the sentence sets it in, not any name beside it ("the border with Ukraine").
            QuestionType.Where when Description.AskedPlace(profile.Question) is not null => Places(profile, quote),
            QuestionType.Where => Places(profile, quote).Concat(Names(profile, quote).Select(c => c with { Score = c.Score - 0.5 })),
            QuestionType.Who => Names(profile, quote),
            _ => [],
        };
        Candidate? best = null;
        foreach (var c in candidates)
        {
            // Names are placed by their role in the sentence more than by nearness; numbers, dates and places by nearness.
            var scored = c with { Score = c.Score - (Distance(c, anchors) / (profile.Type == QuestionType.Who ? 120.0 : 60.0)) };
            if (best is null || scored.Score > best.Value.Score)
            {
                best = scored;
            }
        }

        return best;
    }

    /// <summary>
    /// Numbers that count what is asked: "how many beds" wants a number followed by "beds"; a number followed by another
    /// noun ("at least 3 hospitals") counts something else. Years, days of a date and the question's own numbers count nothing.
    /// </summary>
    private static IEnumerable<Candidate> Amounts(QuestionProfile profile, HashSet<string> unit, string quote)
    {
        // "how many … were wounded": the state counted. "498 Russian infantrymen killed and nearly 1,600 wounded" counts the
        // wounded in "1,600 wounded", the killed in "498 … killed".
        var state = AskedState().Match(profile.Question) is { Success: true } asked ? Tokenizer.Stem(asked.Groups["state"].Value.ToLowerInvariant()) : null;
        foreach (var m in AnswerSpans.Amounts(quote))
        {
            var core = LeadingQualifier().Replace(m.Value, string.Empty);
            if (AnswerCue.IsYear(core) || AnswerCue.IsDayOfDate(quote, m) || Words(core).Any(w => char.IsDigit(w.Value[0]) && AnswerCue.IsQuestionTerm(profile, w.Value)))
            {
                continue;
            }

            var end = m.Index + m.Length;
            var unitWords = Words(m.Value).Count(w => unit.Contains(Tokenizer.Stem(w.Value.ToLowerInvariant())));
            var following = FollowingWords(quote, end).Take(5).ToList();
            for (var i = 0; i < following.Count; i++)
            {
                // "thousands of wounded [Russian military]": an editor's gloss in brackets is not part of the count.
                if (quote.AsSpan(end, following[i].Index - end).IndexOfAny('[', '(') >= 0)
                {
                    break;
                }

                var isUnit = unit.Contains(Tokenizer.Stem(following[i].Value.ToLowerInvariant())) || Tokenizer.Stem(following[i].Value.ToLowerInvariant()) == state;
                // One word before what it counts: "two Russian soldiers", "250 free beds", "900 wounded Russian soldiers".
                var adjective = !isUnit && following.Count > i + 1
                    && unit.Contains(Tokenizer.Stem(following[i + 1].Value.ToLowerInvariant()));
                if (!isUnit && !adjective)
                {
                    break;
                }

                unitWords += isUnit ? 1 : 0;
                end = following[i].Index + following[i].Length;
            }

            var next = FollowingWords(quote, end).FirstOrDefault();
            if (state is not null && next is not null && next.Index == end + 1 && Participle().IsMatch(next.Value) && Tokenizer.Stem(next.Value.ToLowerInvariant()) != state)
            {
                continue; // "498 Russian infantrymen killed" for "how many were wounded"
            }

            var clauseEnds = next is null || quote.AsSpan(end, next.Index - end).IndexOfAny(ClausePunctuation) >= 0;
            if (unit.Count > 0 && unitWords == 0 && !clauseEnds)
            {
                continue; // counts another thing
            }

            if (unitWords == 0 && core.Equals("one", StringComparison.OrdinalIgnoreCase))
            {
                continue; // "one of them": a pronoun more often than a count
            }

            yield return new Candidate(m.Index, end - m.Index, 2 + unitWords + (core.Length < m.Value.Length ? 0.2 : 0));
        }
    }

    /// <summary>Dates, the more specific the better ("January 22, 2026" over "2026"); not the question's own date.</summary>
    private static IEnumerable<Candidate> Dates(QuestionProfile profile, string quote)
    {
        foreach (var m in AnswerSpans.Dates(quote))
        {
            var parts = Words(m.Value).Where(w => w.Value is not ("of" or "early" or "mid" or "late")).ToList();
            if (parts.All(w => AnswerCue.IsQuestionTerm(profile, w.Value)) || m.Value == "May")
            {
                continue;
            }

            // "released on September 20, 2019" rather than a dateline's "Jun 4, 2023 …".
            var introduced = DatePreposition().IsMatch(Before(quote, m.Index)) ? 0.3 : 0;
            yield return new Candidate(m.Index, m.Length, 1 + parts.Count + introduced);
        }
    }

    /// <summary>
    /// Places after a preposition ("in Gomel and Khoiniki"), when at least one of them is not the question's own. For
    /// "Where is Naroulia?" a run that holds Naroulia ("in Naroulia Another cashier hospital") is the place asked about, not
    /// where it lies.
    /// </summary>
    private static IEnumerable<Candidate> Places(QuestionProfile profile, string quote)
    {
        var asked = Description.AskedPlace(profile.Question)?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        foreach (var names in AnswerSpans.Places(quote))
        {
            var words = AnswerSpans.Words(names.Value).Select(w => w.Value).ToList();
            if ((asked is not null && words.Contains(asked)) || words.All(w => AnswerCue.IsQuestionTerm(profile, w) || AnswerSpans.IsDemonym(w) || AnswerSpans.IsDateWord(w) || StopWords.Contains(w.ToLowerInvariant())))
            {
                continue; // "in the Belarusian capital, Minsk": a nationality describes the place, it is not one
            }

            yield return new Candidate(names.Index, names.Length, 2 + (0.2 * words.Count));
        }
    }

    /// <summary>
    /// Names of people and organisations: runs of capitalised words without the function words and sentence openers
    /// before them, not a nationality ("Belarusian doctors"), not a place after a preposition, not a name whose last word
    /// is the question's own ("President Aleksandr Lukashenko" when the question names Lukashenko). The question's verb
    /// decides among them: its subject (a name before it in the sentence) or its agent ("Editing by David Gregorio").
    /// </summary>
    private static IEnumerable<Candidate> Names(QuestionProfile profile, string quote)
    {
        var focus = FocusForms(profile);
        // "Who said …?", "Who told Rada …?": the one who says is the subject of the verb of saying.
        var saying = AsksWhoSaid().Match(profile.Question.TrimStart()) is { Success: true } said ? Tokenizer.Stem(said.Groups["verb"].Value.ToLowerInvariant()) : null;
        var roleFocus = focus.Count == 0 && saying is not null ? new HashSet<string>(StringComparer.Ordinal) { saying } : focus;
        var subjects = new HashSet<int>(); // sentences whose subject has been found
        var owned = WhoseThing().Match(profile.Question) is { Success: true } whose ? Tokenizer.Stem(whose.Groups["thing"].Value.ToLowerInvariant()) : null;
        var passiveQuestion = PassiveWho().IsMatch(profile.Question.TrimStart());
        foreach (var m in AnswerSpans.Names(quote))
        {
            var words = AnswerSpans.Words(m.Value).ToList();
            var first = 0;
            while (first < words.Count && NotAName(quote, m.Index + words[first].Index, words[first].Value))
            {
                first++;
            }

            var last = words.Count - 1;
            while (last >= first && (AnswerSpans.IsDateWord(words[last].Value) || IsFunctionWord(words[last].Value)))
            {
                last--;
            }

            // "Belarusian President Alexander Lukashenko" for "who is the president of Belarus": the question's own words
            // and a nationality before a name of two words or more describe it; the name is what follows them. The span
            // still ranks by its whole length: the role asked about, right before the name, speaks for it.
            var described = last - first + 1;
            while (first < last - 1 && (AnswerCue.IsQuestionTerm(profile, words[first].Value) || AnswerSpans.IsDemonym(words[first].Value)))
            {
                first++;
            }

            if (last < first)
            {
                continue;
            }

            var start = m.Index + words[first].Index;
            var end = m.Index + words[last].Index + words[last].Length;
            var kept = words.Skip(first).Take(last - first + 1).Select(w => w.Value).ToList();
            var after = After(quote, end);
            if (AnswerCue.IsQuestionTerm(profile, kept[^1])
                || (!passiveQuestion && UndergoesFocus(profile, after, focus))
                || DoesAnotherAct(profile, quote, end, focus)
                || AnswerSpans.FollowsLocative(Before(quote, start))
                || CountBefore().IsMatch(Before(quote, start)) // "585 Posts", "3 Hospitals": a counted thing
                || (WireTagEnd().IsMatch(after) && Before(quote, start).TrimEnd().EndsWith('(')) // "(Reuters) -": who filed the story
                // "after a CNN investigation": a name that modifies a noun names whose the thing is, not who did the act.
                || (owned is null && ArticleEnds().IsMatch(Before(quote, start)) && LowerCaseWordFollows().IsMatch(after))
                // "… were handed over by Ukrainian authorities, the Russian Defence Ministry said.": the source of the report,
                // not the one who did the asked act.
                || (focus.Count > 0 && ClosingAttribution().IsMatch(after) && AttributionOpens().IsMatch(Before(quote, start)))
                || (kept.Count == 1 && IsEverydayWord(kept[0]))
                || (kept.Count == 1 && kept[0].Length == 1) // "buses A full number": a letter alone names no one
                // "several other people have been arrested …, according to Viasna": the source, not who was arrested.
                || (saying is null && AccordingTo().IsMatch(Before(quote, start)))
                // "whose founder was awarded the Nobel Peace Prize" for "who was arrested …?": the object of another act.
                || ((passiveQuestion || AsksWhoDid(profile)) && VerbBefore().Match(Before(quote, start)) is { Success: true } verb
                    && !IsFocusForm(profile, focus, verb.Groups["verb"].Value))
                || (kept.Count == 1 && AnswerSpans.IsDemonym(kept[0]) && (kept[0].EndsWith('s') || LowerCaseWordFollows().IsMatch(after)))
                // "a beautiful Eastern European country": a phrase ending in a nationality before a noun describes the noun.
                || (AnswerSpans.IsDemonym(kept[^1]) && LowerCaseWordFollows().IsMatch(after)))
            {
                continue;
            }

            var score = 1 + (0.5 * Math.Min(described - 1, 3)) + RoleBonus(quote, start, end, roleFocus, subjects);
            // "Viasna, a Belarusian human rights organization": a name introduced for what it is.
            score += Appositive().IsMatch(after) ? 0.5 : 0;
            // "… were arrested, according to Viasna" for "which group said …": the one whose words the sentence gives.
            score += saying is not null && AccordingTo().IsMatch(Before(quote, start)) ? 2.5 : 0;
            // "Whose investigation …?" — "a CNN investigation": the name that owns the thing asked about.
            score += owned is not null && OwnerOf().Match(after) is { Success: true } thing && Tokenizer.Stem(thing.Groups["thing"].Value.ToLowerInvariant()) == owned ? 1.5 : 0;
            yield return new Candidate(start, end - start, score);
        }
    }

    /// <summary>
    /// How surely a name does what the question asks: the agent of the question's verb ("Editing by David Gregorio" for
    /// "who edited") most; the subject of the verb next — the first name of its sentence before the verb that is neither in a
    /// prepositional phrase ("Under the direction of Liu Qi, Beijing was elected as the host city") nor a possessive
    /// modifier ("Romania's Simona Halep beats …"), so "Andy Murray defeated Novak Djokovic … to win" credits Murray.
    /// </summary>
    private static double RoleBonus(string quote, int start, int end, HashSet<string> focus, HashSet<int> subjects)
    {
        if (focus.Count == 0)
        {
            return 0;
        }

        var before = Before(quote, start);
        var agentOf = AgentBefore().Match(before);
        if (agentOf.Success)
        {
            // "directed, written, produced, and co-edited by James Cameron": any of the verbs may be the question's.
            return Words(agentOf.Groups["verbs"].Value).Any(w => focus.Contains(Tokenizer.Stem(w.Value.ToLowerInvariant()))) ? 2.5 : 0;
        }

        // "James Cameron, who directed the 1997 movie": the relative clause says what the name did.
        if (RelativeClause().Match(After(quote, end)) is { Success: true } relative && focus.Contains(Tokenizer.Stem(relative.Groups["verb"].Value.ToLowerInvariant())))
        {
            return 2.5;
        }

        var sentenceStart = quote.AsSpan(0, start).LastIndexOfAny(['.', '!', '?', '\n']) + 1;
        var sentenceEnd = quote.IndexOfAny(['.', '!', '?', '\n'], end);
        var rest = quote[end..(sentenceEnd < 0 ? quote.Length : sentenceEnd)];
        var verbFollows = Words(rest).Any(w => focus.Contains(Tokenizer.Stem(w.Value.ToLowerInvariant())));
        // "… a blogger who fled Minsk in 2020 and founded the project": the object of another verb is not the subject.
        var eligible = verbFollows && !PrepositionBefore().IsMatch(before) && !PossessiveModifier().IsMatch(rest) && !ObjectOfVerb().IsMatch(before);
        return eligible && subjects.Add(sentenceStart) ? 1.5 : 0;
    }

    /// <summary>
    /// Whether the name is the one the question's act was done to: "… Russian soldiers and Rosgvardia personnel were
    /// treated in hospitals" does not say that Rosgvardia treated anyone. A passive question ("who was treated …?") asks
    /// for exactly that name, so it is not checked there.
    /// </summary>
    private static bool UndergoesFocus(QuestionProfile profile, string after, HashSet<string> focus) =>
        focus.Count > 0 && PassiveAfterName().Match(after) is { Success: true } passive && IsFocusForm(profile, focus, passive.Groups["verb"].Value);

    /// <summary>
    /// Whether the name is the subject of an act other than the one a "who did it?" question asks: "Azarau said KGB branches
    /// … placed the hospital under surveillance", "Andrei called a hospital official who gathered all the doctors", "While
    /// Lukashenko admitted that Belarus offered … medical assistance" (nothing of who monitored). The name did the asked act
    /// too only where its sentence goes on to the asked verb with no subject of its own between: "Murray defeated Djokovic
    /// to win", "Lukashenko stated that he had personally ordered" (a pronoun takes up the name).
    /// </summary>
    private static bool DoesAnotherAct(QuestionProfile profile, string quote, int end, HashSet<string> focus)
    {
        if (focus.Count == 0 || !AsksWhoDid(profile) || OwnVerb().Match(quote, end) is not { Success: true } own
            || own.Index != end || IsFocusForm(profile, focus, own.Groups["verb"].Value))
        {
            return false;
        }

        // The sentence's own end, not the full stop of an abbreviation inside it ("on Feb. 24, he sent missiles").
        var sentence = Chunking.SentenceSplitter.Split(quote).FirstOrDefault(s => s.Start <= own.Index && own.Index < s.End);
        var sentenceEnd = Math.Max(own.Index + own.Length, sentence.End > own.Index ? sentence.End : quote.Length);
        var rest = quote[(own.Index + own.Length)..sentenceEnd];
        var asked = Words(rest).FirstOrDefault(w => IsFocusForm(profile, focus, w.Value));
        if (asked is null)
        {
            return true; // the sentence tells only the other act of this name
        }

        // "a hospital official who gathered all the doctors … and ordered them": the relative clause's subject does it.
        var between = rest[..asked.Index];
        if (RelativeSubject().IsMatch(between) || OwnSubjectEnds().IsMatch(between))
        {
            return true;
        }

        // "Azarau said KGB branches … placed", "admitted that Belarus offered": what is said has a subject of its own.
        return !SameSubjectGoesOn().IsMatch(between) && SayingVerb().IsMatch(own.Groups["verb"].Value) && ReportedSubject().IsMatch(between);
    }

    private static bool IsFocusForm(QuestionProfile profile, HashSet<string> focus, string word)
    {
        var lower = word.ToLowerInvariant();
        return focus.Contains(Tokenizer.Stem(lower)) || profile.Focus.Any(f => QuestionFocus.OtherWordsFor(f).Contains(lower));
    }

    /// <summary>"Who placed …?", "Who gathered …?": the question asks who did an act, its focus a verb right after "who".</summary>
    private static bool AsksWhoDid(QuestionProfile profile) =>
        profile.Focus.Count > 0 && AsksWhoDidQuestion().Match(profile.Question.TrimStart()) is { Success: true } m
        && profile.Focus.Contains(m.Groups["verb"].Value.ToLowerInvariant());

    /// <summary>The stems of the question's focus words with their irregular forms ("won" and "win", "led" and "lead").</summary>
    private static HashSet<string> FocusForms(QuestionProfile profile)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in profile.Focus)
        {
            forms.Add(Tokenizer.Stem(word));
            if (IrregularVerbs.TryGetValue(word, out var other))
            {
                forms.Add(Tokenizer.Stem(other));
            }
        }

        return forms;
    }

    private static readonly Dictionary<string, string> IrregularVerbs = new(StringComparer.Ordinal)
    {
        ["won"] = "win", ["led"] = "lead", ["wrote"] = "write", ["written"] = "write", ["ran"] = "run", ["began"] = "begin",
        ["bought"] = "buy", ["sold"] = "sell", ["made"] = "make", ["became"] = "become", ["lost"] = "lose", ["left"] = "leave",
        ["fled"] = "flee", ["met"] = "meet", ["shot"] = "shoot", ["took"] = "take", ["taken"] = "take", ["gave"] = "give",
        ["given"] = "give", ["built"] = "build", ["beat"] = "beat", ["hit"] = "hit", ["founded"] = "found", ["sang"] = "sing",
        ["drew"] = "draw", ["chose"] = "choose", ["chosen"] = "choose", ["held"] = "hold", ["told"] = "tell", ["sent"] = "send",
    };

    /// <summary>A capitalised word that starts a name run but is not a name: a function word, a date, an everyday word or adverb opening a sentence.</summary>
    private static bool NotAName(string quote, int index, string word) =>
        IsFunctionWord(word) || AnswerSpans.IsDateWord(word) || AnswerSpans.IsNumberWord(word) || AnswerSpans.IsLetterCompound(word)
        || (AnswerSpans.StartsSentence(quote, index) && (IsEverydayWord(word) || SentenceOpener().IsMatch(word.ToLowerInvariant())));

    /// <summary>"The", "In", "But" — not "US", which is an acronym.</summary>
    private static bool IsFunctionWord(string word) => StopWords.Contains(word.ToLowerInvariant()) && !word.All(char.IsUpper);

    private static bool IsEverydayWord(string word)
    {
        var lower = word.ToLowerInvariant();
        return EverydayLexicon.Contains(lower) || EverydayLexicon.Contains(Tokenizer.Stem(lower));
    }

    /// <summary>Where the question's words stand in the quote; its focus word (the verb it turns on) counts most.</summary>
    private static List<(int Position, double Weight)> Anchors(QuestionProfile profile, string quote)
    {
        var focus = FocusForms(profile);
        var anchors = new List<(int, double)>();
        foreach (Match word in Words(quote))
        {
            var lower = word.Value.ToLowerInvariant();
            if (focus.Contains(Tokenizer.Stem(lower)))
            {
                anchors.Add((word.Index + (word.Length / 2), 1.0));
            }
            else if (!StopWords.Contains(lower) && AnswerCue.IsQuestionTerm(profile, lower))
            {
                anchors.Add((word.Index + (word.Length / 2), 1.5));
            }
        }

        return anchors;
    }

    /// <summary>Characters from the candidate to the nearest anchor (weighted); 0 when the quote holds none of the question's words.</summary>
    private static double Distance(Candidate candidate, List<(int Position, double Weight)> anchors)
    {
        var best = double.MaxValue;
        foreach (var (position, weight) in anchors)
        {
            var gap = position < candidate.Start ? candidate.Start - position
                : position >= candidate.Start + candidate.Length ? position - (candidate.Start + candidate.Length)
                : -1; // inside the candidate: the question's own word, already excluded as an answer
            if (gap >= 0)
            {
                best = Math.Min(best, gap * weight);
            }
        }

        return best == double.MaxValue ? 0 : best;
    }

    /// <summary>
    /// The thing a how-many question counts: "how many wounded Russian soldiers were treated" → wound, russian, soldier;
    /// "how many people died" → people. Empty for "how much did it cost" and for questions not phrased so.
    /// </summary>
    private static HashSet<string> AskedUnit(string question)
    {
        var unit = new HashSet<string>(StringComparer.Ordinal);
        if (QuestionAnalyzer.MeasureOf(question) is { } measure)
        {
            var units = measure switch
            {
                "long" => TimeUnits.Concat(LengthUnits),
                "far" => LengthUnits,
                "old" => ["year", "old"],
                "often" => TimeUnits.Concat(["daily", "weekly", "monthly", "yearly", "hourly", "annually", "once", "twice", "times"]),
                _ => [],
            };
            unit.UnionWith(units.Select(Tokenizer.Stem));
            return unit;
        }

        unit.UnionWith(CountedWords(question).Select(Tokenizer.Stem));
        return unit;
    }

    /// <summary>What a how-many question counts, as it wrote it: "how many injured troops were …" → injured, troops.</summary>
    public static IReadOnlyList<string> CountedWords(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (QuestionAnalyzer.MeasureOf(question) is not null || HowManyUnit().Match(question) is not { Success: true } m)
        {
            return [];
        }

        var words = Words(m.Groups["unit"].Value).Select(w => w.Value.ToLowerInvariant()).TakeWhile(w => !StopWords.Contains(w)).ToList();
        if (words.Count > 1 && words[^1].EndsWith("ed", StringComparison.Ordinal))
        {
            words.RemoveAt(words.Count - 1); // "how many people died": people, not "died"
        }

        return words;
    }

    /// <summary>"hundreds of Russian" → "hundreds": a span never ends in "of", a nationality adjective or a comma.</summary>
    private static (int Start, int Length) Trim(string quote, int start, int length)
    {
        while (length > 0)
        {
            var text = quote.AsSpan(start, length).TrimEnd(" ,;:".AsSpan());
            length = text.Length;
            var lastSpace = text.LastIndexOf(' ');
            var last = lastSpace < 0 ? text : text[(lastSpace + 1)..];
            if (lastSpace > 0 && (last is "of" or "and" or "or" || AnswerSpans.IsDemonym(last.ToString())))
            {
                length = lastSpace;
                continue;
            }

            break;
        }

        return (start, length);
    }

    /// <summary>
    /// The few words before <paramref name="index"/>: what the patterns anchored at a span's edge look at. A bounded window,
    /// so checking every candidate of a long quote stays linear in its length.
    /// </summary>
    private static string Before(string quote, int index) => quote[Math.Max(0, index - EdgeWindow)..index];

    /// <summary>The few words after <paramref name="index"/> (see <see cref="Before"/>).</summary>
    private static string After(string quote, int index) => quote[index..Math.Min(quote.Length, index + EdgeWindow)];

    private static MatchCollection FollowingWords(string quote, int from) => WordToken().Matches(quote, from);

    private static MatchCollection Words(string text) => WordToken().Matches(text);

    /// <summary>"fled ", "visited ": a past-tense verb right before a name makes the name its object.</summary>
    [GeneratedRegex(@"\b\p{Ll}{2,}ed\s+$")]
    private static partial Regex ObjectOfVerb();

    /// <summary>"… personnel were treated", "… was later arrested": a passive verb right after a name (up to two words on).</summary>
    [GeneratedRegex(@"^(\s+\p{Ll}+){0,2}\s+(was|were|is|are|been|being)\s+(\p{Ll}+ly\s+)?(?<verb>\p{Ll}+(ed|en))\b")]
    private static partial Regex PassiveAfterName();

    /// <summary>" said KGB", " admitted that", " publicly stated that", " called a": a verb of the name's own, in the past, opening more words.</summary>
    [GeneratedRegex(@"\G\s+(\p{Ll}+ly\s+)?(?<verb>\p{Ll}{2,}ed|said|told|says|tells|admits|claims)\s+(?=[\p{L}“""])")]
    private static partial Regex OwnVerb();

    /// <summary>
    /// "… to win", "… and won", "When Putin declared …, he sent": the asked verb goes on from the name's own act, with the
    /// same subject or a pronoun that takes up the name.
    /// </summary>
    [GeneratedRegex(@"\b(to|and|(he|she|they)(\s+(had|has|have|then|later|also))?)\s+(\p{Ll}+ly\s+)?$")]
    private static partial Regex SameSubjectGoesOn();

    /// <summary>"… a hospital official who ", "… which had ": the asked verb has a subject of its own, a relative pronoun.</summary>
    [GeneratedRegex(@"\b(who|which|that)\s+((had|has|have|also|then|later)\s+)?(\p{Ll}+ly\s+)?$")]
    private static partial Regex OwnSubjectEnds();

    /// <summary>" who gathered", " which were": a relative pronoun that is the subject of the verb after it (not "which he shared").</summary>
    [GeneratedRegex(@"\b(who|which|that)\s+(?!(he|she|they|we|I|you|it)\b)\p{Ll}+")]
    private static partial Regex RelativeSubject();

    [GeneratedRegex(@"^(said|says|told|tells|admit\w*|stated|states|claim\w*|added|adds|reported|reports)$")]
    private static partial Regex SayingVerb();

    /// <summary>" KGB branches …", " that Belarus …": a name opening what was said.</summary>
    [GeneratedRegex(@"^\s*(that\s+)?(the\s+)?\p{Lu}")]
    private static partial Regex ReportedSubject();

    /// <summary>"who said …", "who told Rada …", "which human rights group said …": a question about who says something.</summary>
    [GeneratedRegex(@"^(?:who\s+|which\s+(?:[\p{L}\-]+\s+){1,3}?)(?<verb>said|says|told|tells|claimed|claims|stated|reported|added|admitted|warned)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhoSaid();

    /// <summary>"how many Russian soldiers were wounded": the state a how-many question counts.</summary>
    [GeneratedRegex(@"^how\s+many\s+(?:[\p{L}\-]+\s+){1,4}?(?:were|was|had\s+been|have\s+been|got)\s+(?<state>\p{Ll}+ed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AskedState();

    [GeneratedRegex(@"^\p{Ll}{2,}ed$")]
    private static partial Regex Participle();

    /// <summary>"awarded the ", "defeated ": a past-tense verb right before a name, whose object the name is.</summary>
    [GeneratedRegex(@"\b(?<verb>\p{Ll}{2,}ed)\s+(the\s+)?$")]
    private static partial Regex VerbBefore();

    [GeneratedRegex(@"\baccording\s+to\s+(the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo();

    /// <summary>"who placed", "who gathered", "who won": a question about who did an act.</summary>
    [GeneratedRegex(@"^who\s+(?<verb>\p{L}+)", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhoDidQuestion();

    /// <summary>A report's closing attribution after its source's name: " said.", " reported."</summary>
    [GeneratedRegex(@"^\s+(said|says|reported|reports|added|adds)\s*[.!]")]
    private static partial Regex ClosingAttribution();

    /// <summary>The comma that opens a closing attribution, before the source's name: ", the Russian ".</summary>
    [GeneratedRegex(@",\s+(the\s+)?(\p{Lu}[\p{L}\-]*\s+)*$")]
    private static partial Regex AttributionOpens();

    /// <summary>An indefinite article right before a name: "a CNN investigation".</summary>
    [GeneratedRegex(@"\b(a|an)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleEnds();

    /// <summary>The end of a news agency's tag before a story: "(Reuters) -Two Russian soldiers …".</summary>
    [GeneratedRegex(@"^\)\s*[-–—]")]
    private static partial Regex WireTagEnd();

    /// <summary>"Who was treated …?", "Who were arrested …?": the question asks for the one the act was done to.</summary>
    [GeneratedRegex(@"^who\s+(was|were|is|are|has\s+been|have\s+been|had\s+been|got)\s+(\p{Ll}+ly\s+)?\p{Ll}+(ed|en)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveWho();

    [GeneratedRegex(@"\p{L}[\p{L}\d’'\-]*|\d+")]
    private static partial Regex WordToken();

    [GeneratedRegex(@"^(?:nearly|almost|about|around|approximately|roughly|some|over|under|more\s+than|fewer\s+than|less\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|exactly|a\s+total\s+of|an\s+estimated|an\s+average\s+of|only|between)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingQualifier();

    [GeneratedRegex(@"\bhow\s+(?:many|much)\s+(?<unit>[\p{L}\-’']+(?:\s+[\p{L}\-’']+){0,4})", RegexOptions.IgnoreCase)]
    private static partial Regex HowManyUnit();

    [GeneratedRegex(@"^\s+\p{Ll}")]
    private static partial Regex LowerCaseWordFollows();

    [GeneratedRegex(@"\b(?:of|by|with|under|for|from|to|in|at|on|about|against|than)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionBefore();

    /// <summary>"Romania's Simona Halep", "Belarus’ Hajun Project": the name modifies the next one.</summary>
    [GeneratedRegex(@"^[’']s?\s+\p{Lu}")]
    private static partial Regex PossessiveModifier();

    /// <summary>"Editing by ", "directed, written and produced by ": the verbs whose agent follows.</summary>
    [GeneratedRegex(@"(?<verbs>(?:[\p{L}\-]+,?\s+){1,6})by\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex AgentBefore();

    /// <summary>", who directed", " who founded": a relative clause on the name before it.</summary>
    [GeneratedRegex(@"^,?\s+who\s+(?:had\s+|has\s+|also\s+)?(?<verb>\p{L}+)")]
    private static partial Regex RelativeClause();

    [GeneratedRegex(@"\b(?:on|in|since|from|until|by|as\s+of)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex DatePreposition();

    [GeneratedRegex(@"\d\s+$")]
    private static partial Regex CountBefore();

    [GeneratedRegex(@"\bwhose\s+(?<thing>\p{L}+)", RegexOptions.IgnoreCase)]
    private static partial Regex WhoseThing();

    [GeneratedRegex(@"^(?:[’']s)?\s+(?<thing>\p{L}+)")]
    private static partial Regex OwnerOf();

    [GeneratedRegex(@"^,\s+(?:a|an|the)\s")]
    private static partial Regex Appositive();

    /// <summary>Words that open a sentence without naming anyone: "Thoroughly", "Speaking", "Asked", and sentence adverbs ("Still, Andrei …").</summary>
    [GeneratedRegex(@"(?:ly|ing|ed)$|^(?:still|however|meanwhile|instead|yet|then|thus|hence|moreover|nevertheless|nonetheless|indeed|besides|otherwise|soon|now|so|also)$")]
    private static partial Regex SentenceOpener();
}
