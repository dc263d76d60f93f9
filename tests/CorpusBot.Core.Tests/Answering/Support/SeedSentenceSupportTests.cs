using System.Globalization;
using System.Text.RegularExpressions;
using CorpusBot.Core.Answering.Support;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Tests.Fakes;
using Xunit.Abstractions;

namespace CorpusBot.Core.Tests.Answering.Support;

/// <summary>
/// The rule over every sentence of the five seed articles (noisy, machine-translated text included):
/// a sentence quoted back verbatim is always held, and the same sentence with one number changed never is.
/// </summary>
public sealed partial class SeedSentenceSupportTests(ITestOutputHelper output)
{
    [Fact]
    public void EverySeedSentence_IsHeldByItselfAndNotWithAChangedNumber()
    {
        var text = string.Join("\n", RepositoryFiles.SeedFiles.Select(File.ReadAllText));
        // Fragments without a content word ("1.", "“It is.") state nothing, and an answer sentence that states nothing is dropped.
        var sentences = SentenceSplitter.Split(text).Select(s => s.Of(text)).Where(s => WordReader.ContentStems(s).Any()).ToList();
        var changed = 0;
        foreach (var sentence in sentences)
        {
            Assert.True(SupportChecker.Check(sentence, [sentence], null) == SupportFailure.None, $"not held by itself: {sentence}");
            var number = NumberRegex().Match(sentence);
            if (number.Success)
            {
                var other = (long.Parse(number.Value, CultureInfo.InvariantCulture) * 10) + 7;
                var altered = string.Concat(sentence.AsSpan(0, number.Index), other.ToString(CultureInfo.InvariantCulture), sentence.AsSpan(number.Index + number.Length));
                Assert.True(SupportChecker.Check(altered, [sentence], null) == SupportFailure.Number, $"held with {other} for {number.Value}: {altered}");
                changed++;
            }
        }

        output.WriteLine($"{sentences.Count} seed sentences held by themselves; {changed} with a changed number, none held");
        Assert.True(sentences.Count > 100, $"{sentences.Count} sentences");
        Assert.True(changed > 20, $"{changed} sentences with a number");
    }

    // A whole number not glued to other digits or separators, so replacing it changes one value.
    [GeneratedRegex(@"(?<![\d.,])\d{1,6}(?![\d.,]\d)")]
    private static partial Regex NumberRegex();
}
