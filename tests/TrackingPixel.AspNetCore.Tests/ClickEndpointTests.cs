using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.AspNetCore.Tests.Support;

namespace TrackingPixel.AspNetCore.Tests;

public sealed class ClickEndpointTests
{
    private const string Key = "click-key-0123456789abcdef0123456789";
    private static readonly Uri Target = new("https://www.example.com/offer?id=7");

    [Fact]
    public async Task Get_SignedLink_RedirectsToTheTargetAndRecordsTheClick()
    {
        await using var server = await Start();
        var link = Sign(server, [new("userid", "u1")]);

        using var response = await NoRedirects(server).GetAsync(link);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(Target, response.Headers.Location);
        Assert.Equal(
            """{"date":"2024-05-01T12:34:56.789Z","ip":"127.0.0.1","userAgent":"unknown","userId":"u1","thirdPartyI""" +
                """d":"unknown",""" +
            "\"eventType\":\"click\",\"clickTarget\":\"https://www.example.com/offer?id=7\"}",
            Assert.Single(await server.StopAndReadLinesAsync()));
    }

    [Theory]
    [InlineData("/click?url=https%3A%2F%2Fevil.example%2F")]
    [InlineData("/click?url=https%3A%2F%2Fevil.example%2F&kid=k1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/click")]
    public async Task Get_UnsignedOrForgedLink_Answers400AndRecordsNothing(string path)
    {
        await using var server = await Start();

        using var response = await NoRedirects(server).GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(1, server.App.Services.GetRequiredService<PixelPipeline>().Metrics.RequestsRefused);
        Assert.Empty(await server.StopAndReadLinesAsync());
    }

    [Fact]
    public async Task Get_TamperedLinkWithFallback_RedirectsToTheFallbackOnly()
    {
        await using var server = await Start(fallback: "https://www.example.com/");
        var tampered = Sign(server, []).AbsoluteUri.Replace(
            "www.example.com%2Foffer", "evil.example%2Foffer", StringComparison.Ordinal);

        using var response = await NoRedirects(server).GetAsync(new Uri(tampered));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri("https://www.example.com/"), response.Headers.Location);
        Assert.Empty(await server.StopAndReadLinesAsync());
    }

    [Fact]
    public async Task Get_KnownCrawler_IsRecordedWithItsAgentClass()
    {
        await using var server = await Start(classify: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, Sign(server, []));
        request.Headers.TryAddWithoutValidation(
            "User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");

        using var response = await NoRedirects(server).SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains(
            "\"agentClass\":\"crawler\"",
            Assert.Single(await server.StopAndReadLinesAsync()),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapTrackingPixelClick_WithoutClickLinks_SaysToAddThem()
    {
        await using var server = await PixelServer.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => server.App.MapTrackingPixelClick());

        Assert.Contains("AddClickLinks", error.Message, StringComparison.Ordinal);
    }

    private static Task<PixelServer> Start(string? fallback = null, bool classify = false) => PixelServer.StartAsync(
        b =>
        {
            b.AddClickLinks(o =>
            {
                o.Keys["k1"] = Key;
                o.FallbackUrl = fallback;
            });
            if (classify)
            {
                b.AddAgentClassification();
            }
        },
        app => app.MapTrackingPixelClick());

    private static Uri Sign(PixelServer server, KeyValuePair<string, string>[] parameters) =>
        server.App.Services.GetRequiredService<ClickLinkSigner>()
            .Sign(new Uri(server.Client.BaseAddress!, "/click"), Target, parameters: parameters);

    private static HttpClient NoRedirects(PixelServer server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };
}
