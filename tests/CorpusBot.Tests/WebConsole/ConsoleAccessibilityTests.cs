using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.Playwright;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.WebConsole;

/// <summary>
/// Every console page at phone width (390 px, Chromium, scripts off) with the basics of accessibility checked on what
/// the browser got: nothing wider than the screen, every form control and button named, every chart named, the skip
/// link first in keyboard order; and the stylesheet's colour pairs at WCAG AA contrast. Ends by signing out.
/// </summary>
public sealed partial class ConsoleAccessibilityTests(Browser browser) : IClassFixture<Browser>
{
    private const int PhoneWidth = 390;

    public static TheoryData<long, string, string> Pages => new()
    {
        { Moderator, "/", "home" },
        { Moderator, "/review", "review" },
        { Moderator, "/review?status=all", "review-all" },
        { Moderator, "/answers", "answers" },
        { Moderator, "/answer?id=1", "answer" },
        { Moderator, "/gaps", "gaps-moderator" },
        { Moderator, "/stats", "stats" },
        { Maintainer, "/documents", "documents" },
        { Maintainer, "/document?id=" + Corpus.LighthouseId, "document" },
        { Maintainer, "/audit", "audit" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtPhoneWidth_NoSidewaysScroll_ControlsNamed_SkipLinkFirst(long user, string path, string name)
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "When was it built?");
        await console.Bot.AskAsync(Stranger, "Who painted the harbour walls?");
        var page = await browser.NewPageAsync(phone: true);
        var home = await console.LinkAsync(user);
        await page.GotoAsync(home.AbsoluteUri);

        var response = await page.GotoAsync(new Uri(home, path).AbsoluteUri);

        Assert.Equal(200, response!.Status);
        // A full-page screenshot is as wide as the page's content: wider than the phone means sideways scrolling.
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, $"phone-{name}.png"), FullPage = true });
        Assert.Equal(PhoneWidth, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        var html = new HtmlParser().ParseDocument(await page.ContentAsync());
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        Assert.Single(html.QuerySelectorAll("h1"));
        foreach (var control in html.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            var id = control.Id;
            var named = control.Closest("label") is not null
                || (id is { Length: > 0 } && html.QuerySelector($"label[for='{id}']") is not null)
                || control.HasAttribute("aria-label") || control.HasAttribute("aria-labelledby");
            Assert.True(named, $"{path}: a form control without a label: {control.OuterHtml}");
        }

        Assert.All(html.QuerySelectorAll("button, a[href]"), e => Assert.False(string.IsNullOrWhiteSpace(e.TextContent + e.GetAttribute("aria-label")), $"{path}: unnamed {e.OuterHtml}"));
        Assert.All(html.QuerySelectorAll("svg"), e => Assert.True(e.GetAttribute("role") == "img" && (e.HasAttribute("aria-label") || e.QuerySelector("title") is not null), $"{path}: a chart without a name"));
        Assert.Empty(html.QuerySelectorAll("[tabindex]:not([tabindex='0']):not([tabindex='-1'])"));

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveTextAsync("Skip to content");
        await Assertions.Expect(focused).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_TheNextPageIsRefused()
    {
        await using var console = await ConsoleHarness.StartAsync();
        var page = await browser.NewPageAsync(phone: true);
        var link = await console.LinkAsync(Moderator);
        await page.GotoAsync(link.AbsoluteUri);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("You are signed out.");
        await Browser.ScreenshotAsync(page, "signed-out");
        Assert.Equal(403, (await page.GotoAsync(new Uri(link, "/review").AbsoluteUri))!.Status);
        Assert.Equal(0, await console.Bot.ScalarAsync($"SELECT count(*) FROM console_sessions WHERE user_id = {Moderator}"));
    }

    [Theory]
    [InlineData("--fg", "--bg")]
    [InlineData("--muted", "--bg")]
    [InlineData("--muted", "--panel")]
    [InlineData("--fg", "--panel")]
    [InlineData("--accent", "--bg")]
    [InlineData("--accent", "--panel")]
    [InlineData("--ok", "--panel")]
    [InlineData("--bad", "--panel")]
    [InlineData("--fg", "--mark")]
    [InlineData("--ok", "#dff3e4")]
    [InlineData("--bad", "#fde2e4")]
    public void Stylesheet_TextColours_MeetWcagAaContrast(string text, string background)
    {
        using var css = typeof(CorpusBot.WebConsole.ConsoleWebHost).Assembly.GetManifestResourceStream("CorpusBot.WebConsole.Assets.console.css")!;
        var sheet = new StreamReader(css).ReadToEnd();
        var colours = Variable().Matches(sheet).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        string Resolve(string c) => c.StartsWith("--", StringComparison.Ordinal) ? colours[c] : c;

        var ratio = Contrast(Resolve(text), Resolve(background));

        Assert.True(ratio >= 4.5, $"{text} on {background}: {ratio:0.00}:1, below 4.5:1");
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
    }

    [GeneratedRegex(@"(--[a-z]+):\s*(#[0-9a-fA-F]{6})")]
    private static partial Regex Variable();
}
