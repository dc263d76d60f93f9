using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// Words that carry no fact of their own, in English (<see cref="StopWords"/>), Russian, Ukrainian and
/// Belarusian, plus titles and sentence openers ("Yes", "However", "Почти"): capitalised at the start of a sentence they are not names, and they are
/// not counted as content words.
/// </summary>
public static class FunctionWords
{
    private static readonly HashSet<string> Slavic = new(StringComparer.Ordinal)
    {
        // Russian
        "и", "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "от", "до", "за", "из", "у", "не", "ни", "что", "как", "это",
        "он", "она", "оно", "они", "его", "её", "ее", "их", "же", "ли", "бы", "но", "а", "или", "так", "также", "то", "для", "при",
        "без", "под", "над", "через", "после", "перед", "между", "был", "была", "были", "было", "быть", "есть", "который", "которая",
        "которые", "которых", "этот", "эта", "эти", "тот", "та", "те", "все", "всё", "весь", "вся", "сказал", "сказала", "заявил",
        "заявила", "сообщил", "сообщила", "отметил", "данным", "словам", "где", "когда", "почему", "кто", "сколько", "там", "тогда",
        "почти", "около", "более", "менее", "всего", "только", "однако", "кроме", "согласно", "именно", "уже", "ещё", "еще", "затем",
        "потом", "сейчас", "теперь", "здесь", "тоже", "очень", "лично", "публично", "да", "нет", "этом", "этого", "том", "среди",
        // Ukrainian
        "і", "й", "що", "як", "це", "він", "вона", "вони", "її", "їх", "був", "були", "було", "від", "з", "із", "але", "або",
        "який", "яка", "які", "сказав", "заявив", "повідомив", "даними", "словами", "коли", "чому", "хто", "скільки", "майже",
        "близько", "понад", "лише", "однак", "згідно", "вже", "ще", "потім", "тепер", "тут", "дуже", "особисто", "ні",
        // Belarusian
        "ў", "са", "ад", "па", "што", "гэта", "ён", "яна", "яны", "яго", "яе", "быў", "былі", "пры", "якія", "таксама",
        "сказаў", "заявіў", "паводле", "калі", "чаму", "амаль", "каля", "больш", "толькі", "аднак", "ужо", "яшчэ", "потым", "цяпер",
        "вельмі", "асабіста",
    };

    private static readonly HashSet<string> Extra = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "dr", "prof", "sir", "yes", "yet", "however", "instead", "nearly", "almost", "overall" };

    /// <summary>True for a lower-cased word that states no fact.</summary>
    public static bool Contains(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        return StopWords.Contains(lowerWord) || Slavic.Contains(lowerWord) || Extra.Contains(lowerWord);
    }
}
