using System.Text.Json;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Identity;
using Microsoft.Playwright;

namespace CommerceGateway.Gateway.Tests.Ide;

/// <summary>A person opens the IDE in a real browser (Debian's Chromium), runs a query and sees its result.</summary>
public sealed class GraphiQLBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task GraphiQL_InChromium_RunsTheExampleQueryWithATokenAndShowsTheChannels()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./test.sh installs it (apt-get install chromium).");
        using var app = new GatewayApp();
        var token = await app.GetTokenAsync(DemoClients.StorefrontId, DemoClients.StorefrontSecret);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // This machine has no network beyond loopback: background services would only fail.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });

        await page.GotoAsync(new Uri(app.BaseUrl, "/graphql").ToString());
        await page.Locator(".graphiql-execute-button").WaitForAsync();
        // The editors are CodeMirror instances: set their text the way a paste would.
        await SetEditorAsync(page, "Authorization", JsonSerializer.Serialize(new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" }));
        await page.Locator(".graphiql-execute-button").ClickAsync();
        var result = page.Locator(".result-window");
        // CodeMirror renders only the lines in view, so wait for the first ones.
        var shown = await WaitForTextAsync(result, "\"channels\"");
        var text = await result.InnerTextAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "graphiql.png") });

        Assert.True(shown, $"The result pane never showed the demo channels; it shows: {text}");

        // The page's own example query lists the demo channels.
        Assert.Contains("\"channels\"", text, StringComparison.Ordinal);
        Assert.Contains("booking-demo", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"errors\"", text, StringComparison.Ordinal);
    }

    private static async Task<bool> WaitForTextAsync(ILocator locator, string text)
    {
        try
        {
            await locator.GetByText(text).WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task SetEditorAsync(IPage page, string containing, string value)
    {
        // GraphiQL loads its CodeMirror editors in chunks after the toolbar appears: wait for the one holding the text.
        const string Script = """
            ([containing, value]) => {
              for (const element of document.querySelectorAll('.CodeMirror')) {
                const editor = element.CodeMirror;
                if (editor && editor.getValue().includes(containing)) { editor.setValue(value); return true; }
              }
              return false;
            }
            """;
        var found = false;
        try
        {
            await page.WaitForFunctionAsync(Script, new[] { containing, value }, new PageWaitForFunctionOptions { Timeout = 15_000, PollingInterval = 100 });
            found = true;
        }
        catch (TimeoutException)
        {
        }

        Assert.True(found, $"No editor holds \"{containing}\".");
    }
}
