using System.Text;

namespace CorpusBot.Core.Tests.Ingestion;

public sealed class EncodingTests : IDisposable
{
    private const string Russian =
        "Вчера в Минске прошла встреча врачей. Они обсуждали, как лечить раненых, " +
        "и говорили о новых больницах в Гомельской области.\nПредседатель сказал: \"Это важно\".";

    private readonly TempDirectory temp = new();

    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(false, "UTF-16LE")]
    [InlineData(true, "UTF-16BE")]
    public async Task ReadAsync_Utf16WithBom_Decoded(bool bigEndian, string expectedEncoding)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var path = temp.Write("wide.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes("Заголовок\r\nText ünïcödé 😀")]);

        var item = await Readers.ReadOneAsync(path);

        Assert.Equal("Заголовок\nText ünïcödé 😀", Readers.Text(item));
        Assert.Equal("Заголовок", item.Document!.Title);
        Assert.Equal(expectedEncoding, item.Encoding);
    }

    [Fact]
    public async Task ReadAsync_Utf16WithoutBom_RejectedAsBinaryWithHint()
    {
        var path = temp.Write("wide.txt", Encoding.Unicode.GetBytes("Hello"));

        var reason = Readers.Reason(await Readers.ReadOneAsync(path));

        Assert.Contains("byte-order mark", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Utf16BomWithBrokenSurrogate_Rejected()
    {
        var path = temp.Write("wide.txt", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00]);

        var reason = Readers.Reason(await Readers.ReadOneAsync(path));

        Assert.Equal("wide.txt starts with a UTF-16LE byte-order mark but is not valid UTF-16LE", reason);
    }

    [Theory]
    [InlineData(1251, "windows-1251")]
    [InlineData(20866, "koi8-r")]
    public async Task ReadAsync_LegacyCyrillic_DecodedToTheRightRussianText(int codePage, string expectedEncoding)
    {
        var path = temp.Write("ru.txt", Encoding.GetEncoding(codePage).GetBytes(Russian));

        var item = await Readers.ReadOneAsync(path);

        Assert.Equal(Russian, Readers.Text(item));
        Assert.Equal(expectedEncoding, item.Encoding);
    }

    [Theory]
    [InlineData(1251, "Привет, мир!")]
    [InlineData(20866, "Привет, мир!")]
    [InlineData(1251, "Минск")]
    [InlineData(20866, "Лечение раненых солдат")]
    public async Task ReadAsync_ShortLegacyCyrillic_DecodedRight(int codePage, string text)
    {
        var path = temp.Write("short.txt", Encoding.GetEncoding(codePage).GetBytes(text));

        Assert.Equal(text, Readers.Text(await Readers.ReadOneAsync(path)));
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8Garbage_Rejected()
    {
        var random = new Random(42);
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 7 == 0 ? ' ' : random.Next(0x80, 0x100))).ToArray();

        var reason = Readers.Reason(await Readers.ReadOneAsync(temp.Write("garbage.txt", bytes)));

        Assert.StartsWith("garbage.txt is neither valid UTF-8 nor recognisable Cyrillic", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Latin1Text_RejectedRatherThanReadAsCyrillic()
    {
        var path = temp.Write("fr.txt", Encoding.Latin1.GetBytes("Le café de la crème brûlée à côté du théâtre."));

        var reason = Readers.Reason(await Readers.ReadOneAsync(path));

        Assert.Contains("neither valid UTF-8", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MixedUtf8AndCp1251_Rejected()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Первая часть в UTF-8. "), .. Encoding.GetEncoding(1251).GetBytes("Вторая часть в cp1251.")];

        var reason = Readers.Reason(await Readers.ReadOneAsync(temp.Write("mixed.txt", bytes)));

        Assert.Contains("neither valid UTF-8", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DoubleEncodedUtf8_RejectedAsMojibake()
    {
        var mojibake = Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes("Café crème: “quoted”"));
        var path = temp.Write("moji.txt", mojibake);

        var reason = Readers.Reason(await Readers.ReadOneAsync(path));

        Assert.Contains("double-encoded", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ManyReplacementCharacters_Rejected()
    {
        var path = temp.Write("lossy.txt", "Some text \uFFFD\uFFFD here and \uFFFD there.");

        var reason = Readers.Reason(await Readers.ReadOneAsync(path));

        Assert.Contains("3 replacement characters (U+FFFD)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Utf8WithAccentsAndCyrillic_ReadAsIs()
    {
        const string text = "Café Müller and «Ёлка» — 100 %";

        Assert.Equal(text, Readers.Text(await Readers.ReadOneAsync(temp.Write("ok.txt", text))));
    }
}
