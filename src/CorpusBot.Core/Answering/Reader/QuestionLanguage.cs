using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// A cheap guess at the language of a question, good enough to tell an English question from one the offline
/// reader cannot read. Cyrillic is told apart by its letters (ў → Belarusian, ї/є/ґ → Ukrainian, і with ы/э →
/// Belarusian, і alone → Ukrainian, otherwise Russian); Latin-script languages by their function words. Names
/// alone never make a question foreign: "Who is Tsikhanouskaya?" is English.
/// </summary>
public static class QuestionLanguage
{
    public const string English = "en";

    /// <summary>Function words that are frequent in each language and rare in English text.</summary>
    private static readonly Dictionary<string, HashSet<string>> FunctionWords = new(StringComparer.Ordinal)
    {
        ["en"] = Set("the a an of to in is are was were what who when where why how which did does do many much and for with on"),
        ["de"] = Set("der die das ein eine und ist sind war waren wer wie wo warum wann welche welcher viele wurde wurden nicht mit von zu im den dem des hat haben auf"),
        ["fr"] = Set("le la les un une des est sont était qui que quoi où pourquoi comment quand quel quelle combien de du et pour dans avec sur ont été ce"),
        ["es"] = Set("el la los las un una es son fue fueron quién quien qué que dónde donde por cómo como cuándo cuando cuál cuántos cuántas de del y en con para se"),
        ["it"] = Set("il lo la gli le un una è sono era erano chi che cosa dove perché come quando quale quanti quante di del della e per con nel ha hanno"),
        ["pt"] = Set("o a os as um uma é são foi foram quem que onde por porque como quando qual quantos quantas de do da e em com para no na"),
        ["pl"] = Set("jest są był była było byli kto co gdzie dlaczego jak kiedy który która ile i w z na do się nie że czy przez"),
        ["nl"] = Set("de het een is zijn was waren wie wat waar waarom hoe wanneer welke hoeveel en van in met voor op niet"),
    };

    /// <summary>"Without a language model I can only answer questions asked in English." in each language we detect.</summary>
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["ru"] = "Без языковой модели я могу отвечать только на вопросы на английском языке. Пожалуйста, задайте вопрос по-английски.",
        ["be"] = "Без моўнай мадэлі я магу адказваць толькі на пытанні на англійскай мове. Калі ласка, задайце пытанне па-англійску.",
        ["uk"] = "Без мовної моделі я можу відповідати лише на запитання англійською мовою. Будь ласка, поставте запитання англійською.",
        ["de"] = "Ohne Sprachmodell kann ich nur Fragen auf Englisch beantworten. Bitte stellen Sie Ihre Frage auf Englisch.",
        ["fr"] = "Sans modèle de langue, je ne peux répondre qu'aux questions posées en anglais. Merci de poser votre question en anglais.",
        ["es"] = "Sin un modelo de lenguaje solo puedo responder preguntas en inglés. Por favor, haga su pregunta en inglés.",
        ["it"] = "Senza un modello linguistico posso rispondere solo a domande in inglese. Per favore, fai la domanda in inglese.",
        ["pt"] = "Sem um modelo de linguagem só consigo responder a perguntas em inglês. Por favor, faça a pergunta em inglês.",
        ["pl"] = "Bez modelu językowego mogę odpowiadać tylko na pytania po angielsku. Proszę zadać pytanie po angielsku.",
        ["nl"] = "Zonder taalmodel kan ik alleen vragen in het Engels beantwoorden. Stel uw vraag alstublieft in het Engels.",
        ["xx"] = "Without a language model I can only answer questions asked in English. Please ask in English.",
    };

    /// <summary>The language code of a question the offline reader cannot read, or null when it is (or may be) English.</summary>
    public static string? DetectUnsupported(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var letters = question.Where(char.IsLetter).ToList();
        if (letters.Count == 0)
        {
            return null;
        }

        var cyrillic = letters.Count(c => c is >= '\u0400' and <= '\u04FF');
        var latin = letters.Count(c => c < '\u0250');
        if (cyrillic * 2 > letters.Count)
        {
            return CyrillicLanguage(question.ToLowerInvariant());
        }

        if (latin * 2 <= letters.Count)
        {
            // Greek, Arabic, Hebrew, CJK...: not English, and no message of its own here.
            return "xx";
        }

        var words = Tokenizer.Words(question);
        var english = words.Count(FunctionWords[English].Contains);
        var (language, hits) = FunctionWords
            .Where(kv => kv.Key != English)
            .Select(kv => (kv.Key, Hits: words.Count(kv.Value.Contains)))
            .MaxBy(x => x.Hits);
        // Clearly more function words of another language than English ones ("Gerard de la Cruz" is a name).
        return hits >= english + 2 ? language : null;
    }

    /// <summary>The short "only English without a model" message in <paramref name="language"/> (English for unknown codes).</summary>
    public static string UnsupportedMessage(string language) =>
        Messages.TryGetValue(language, out var message) ? message : Messages["xx"];

    private static string CyrillicLanguage(string lower)
    {
        if (lower.Contains('ў', StringComparison.Ordinal))
        {
            return "be";
        }

        if (lower.AsSpan().IndexOfAny("їєґ") >= 0)
        {
            return "uk";
        }

        if (lower.Contains('і', StringComparison.Ordinal))
        {
            return lower.AsSpan().IndexOfAny("ыэ") >= 0 ? "be" : "uk";
        }

        return "ru";
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
