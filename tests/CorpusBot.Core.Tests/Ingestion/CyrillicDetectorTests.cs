using System.Text;
using CorpusBot.Core.Ingestion.Readers;

namespace CorpusBot.Core.Tests.Ingestion;

public sealed class CyrillicDetectorTests
{
    private static readonly string[] Lines =
    [
        "Белорусский лидер Александр Лукашенко публично заявил, что лично приказал медикам лечить раненых солдат.",
        "По его словам, врачи, в том числе гражданские, должны были \"погрузиться в реальность\" войны.",
        "ЗАГОЛОВОК ВСЕ ЗАГЛАВНЫМИ БУКВАМИ",
        "медицинские бригады направлялись в южные районы страны, включая районные больницы",
    ];

    static CyrillicDetectorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<int, string> Prefixes()
    {
        var data = new TheoryData<int, string>();
        foreach (var codePage in new[] { 1251, 20866 })
        {
            foreach (var line in Lines)
            {
                for (var length = 12; length <= line.Length; length += 9)
                {
                    data.Add(codePage, line[..length]);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Decode_LegacyCyrillicOfAnyLength_DecodedRight(int codePage, string text)
    {
        var result = TextDecoder.Decode(Encoding.GetEncoding(codePage).GetBytes(text));

        Assert.Equal(text, result.Text);
        Assert.Equal(codePage == 1251 ? "windows-1251" : "koi8-r", result.Encoding);
    }

    [Fact]
    public void Decode_RandomHighBytesOfSentenceLength_NeverAccepted()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var low = i % 2 == 0 ? 0x80 : 0xC0;
            var bytes = Enumerable.Range(0, random.Next(60, 300))
                .Select(_ => (byte)(random.Next(6) == 0 ? ' ' : random.Next(low, 0x100)))
                .ToArray();

            var result = TextDecoder.Decode(bytes);

            Assert.True(result.Text is null, $"garbage accepted as {result.Encoding}: {result.Text}");
        }
    }

    [Fact]
    public void Score_WrongCodePage_ScoresLowerThanRightOne()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes(string.Join(' ', Lines));

        var right = CyrillicScorer.Score(Encoding.GetEncoding(1251).GetString(bytes));
        var wrong = CyrillicScorer.Score(Encoding.GetEncoding(20866).GetString(bytes));

        Assert.True(right.Value > wrong.Value + 1, $"right {right.Value:F2}, wrong {wrong.Value:F2}");
        Assert.Equal(0, right.CaseBreaks);
        Assert.True(wrong.CaseBreaks > 3);
    }
}
