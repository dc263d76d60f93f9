using Microsoft.Playwright;

namespace CorpusBot.Tests.WebConsole;

/// <summary>
/// Debian's Chromium driven by Playwright (whose own browser download is not available here; .ci/run
/// installs the chromium package). One browser per test class; each test gets a fresh context.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>Where Debian installs it; CORPUSBOT_CHROMIUM overrides.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CORPUSBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Screenshots of every page the tests visit, beside the test binaries.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. Install Debian's package (`apt-get install -y chromium`, as .ci/run does) or set CORPUSBOT_CHROMIUM.");
        }

        Directory.CreateDirectory(ScreenshotFolder);
        playwright = await Playwright.CreateAsync();
        Instance = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new browser context: its own cookies, like a separate person's browser. Phone width unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(bool phone = true)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            JavaScriptEnabled = false, // every action must work without scripts
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
