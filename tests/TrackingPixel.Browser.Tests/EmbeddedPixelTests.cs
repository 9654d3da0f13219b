using System.Text.Json;
using Microsoft.Playwright;
using TrackingPixel.Browser.Tests.Support;

namespace TrackingPixel.Browser.Tests;

/// <summary>The pixel and the beacon as users' pages load them: a real Chromium, a page on another origin.</summary>
public sealed class EmbeddedPixelTests
{
    [ChromiumFact]
    public async Task RealBrowser_EmbedsThePixelAndSendsTheBeacon_OneRecordPerLoadWithWhatTheBrowserSent()
    {
        await using var origins = await Origins.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
        });
        var page = await browser.NewPageAsync();
        var site = origins.SiteUrl.AbsoluteUri;

        // A plain image, then the same page again: no cache may answer the reload, so it is a second record.
        await page.GotoAsync(site + "plain.html");
        var plain = await ImageSizeAsync(page);
        var userAgent = await page.EvaluateAsync<string>("navigator.userAgent");
        await page.ReloadAsync();
        await ImageSizeAsync(page);
        await page.GotoAsync(site + "hidden.html");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GotoAsync(site + "coep.html");
        var coep = await ImageSizeAsync(page);

        // Leaving the page fires pagehide, whose handler sends the beacon.
        await page.GotoAsync(site + "beacon.html");
        await page.GotoAsync("about:blank");

        var records = (await origins.RecordsAsync(5)).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        Assert.Equal((1, 1), plain);
        Assert.Equal((1, 1), coep);
        Assert.Equal(
            ["plain", "plain", "hidden", "coep", "beacon-user"],
            records.Select(r => r.GetProperty("userId").GetString()));
        Assert.Matches(@"Chrome/\d+", userAgent);
        Assert.All(records, r => Assert.Equal(userAgent, r.GetProperty("userAgent").GetString()));

        // strict-origin-when-cross-origin, Chromium's default policy: another origin is told the page's origin only.
        Assert.All(records, r => Assert.Equal(site, r.GetProperty("referer").GetString()));
        Assert.Equal("beacon-page", records[4].GetProperty("thirdPartyId").GetString());
        Assert.Equal("beacon", records[4].GetProperty("eventType").GetString());
        Assert.All(records[..4], r => Assert.False(r.TryGetProperty("eventType", out _)));
        await Task.Delay(500);
        Assert.Equal(5, (await origins.RecordsAsync(5)).Count);
    }

    /// <summary>Waits for the image and returns the size it decoded to; a blocked or broken image fails the
    /// test.</summary>
    private static async Task<(int Width, int Height)> ImageSizeAsync(IPage page)
    {
        var size = await page.EvaluateAsync<int[]>(
            "async () => { const i = document.getElementById('p'); await i.decode(); return [i.naturalWidth, " +
                "i.naturalHeight]; }");
        return (size[0], size[1]);
    }
}
