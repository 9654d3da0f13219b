using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.AspNetCore.Tests.Support;

namespace TrackingPixel.AspNetCore.Tests;

public sealed class BeaconEndpointTests
{
    private const string Prefix = """{"date":"2024-05-01T12:34:56.789Z","ip":"127.0.0.1","userAgent":"unknown",""";

    [Theory]
    [InlineData("text/plain;charset=UTF-8", """{"userid":"u1","thirdpartyname":"site"}""")]
    [InlineData("application/json", """{"userid":"u1","thirdpartyname":"site"}""")]
    [InlineData("application/x-www-form-urlencoded", "userid=u1&thirdpartyname=site")]
    public async Task Post_EachBeaconBody_Answers204AndRecordsItsMembers(string contentType, string body)
    {
        await using var server = await Start();

        using var response = await server.Client.PostAsync(
            new Uri("/beacon", UriKind.Relative), Content(body, contentType));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(
            Prefix + "\"userId\":\"u1\",\"thirdPartyId\":\"site\",\"eventType\":\"beacon\"}",
            Assert.Single(await server.StopAndReadLinesAsync()));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Answers413AndRecordsNothing()
    {
        await using var server = await Start(o => o.MaxBodyBytes = 100);

        using var declared = await server.Client.PostAsync(
            new Uri("/beacon", UriKind.Relative), Content(new string('a', 101), "text/plain"));
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 5000))));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/beacon") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var streamed = await server.Client.SendAsync(request);
        using var fits = await server.Client.PostAsync(
            new Uri("/beacon", UriKind.Relative), Content("userid=" + new string('a', 93), "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, fits.StatusCode);
        Assert.Equal(2, server.App.Services.GetRequiredService<PixelPipeline>().Metrics.RequestsRefused);
        Assert.Single(await server.StopAndReadLinesAsync());
    }

    [Theory]
    [InlineData("application/json", new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D })]
    [InlineData(
        "application/json",
        new byte[]
        {
            0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B,
        })]
    [InlineData("image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    public async Task Post_HostileBody_StillRecordsAndCountsTheProblem(string contentType, byte[] body)
    {
        await using var server = await Start();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await server.Client.PostAsync(new Uri("/beacon?userid=q", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, server.App.Services.GetRequiredService<PixelPipeline>().Metrics.InputProblems);
        Assert.Equal(
            Prefix + "\"userId\":\"q\",\"thirdPartyId\":\"unknown\",\"eventType\":\"beacon\"}",
            Assert.Single(await server.StopAndReadLinesAsync()));
    }

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_AllowsThePostAndRecordsNothing()
    {
        await using var server = await Start(o => o.AllowedOrigins.Add("https://www.example.com"));

        using var allowed = await Preflight(server, "https://www.example.com");
        using var other = await Preflight(server, "https://evil.example");

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://www.example.com", Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Equal("POST", Header(allowed, "Access-Control-Allow-Methods"));
        Assert.Equal("Content-Type", Header(allowed, "Access-Control-Allow-Headers"));
        Assert.Equal("true", Header(allowed, "Access-Control-Allow-Credentials"));
        Assert.Null(Header(other, "Access-Control-Allow-Origin"));
        Assert.Empty(await server.StopAndReadLinesAsync());
    }

    [Fact]
    public async Task MapTrackingPixelBeacon_NullArguments_Throw()
    {
        await using var server = await Start();

        Assert.Throws<ArgumentNullException>(
            () => ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)null!).MapTrackingPixelBeacon());
        Assert.Throws<ArgumentException>(() => server.App.MapTrackingPixelBeacon(""));
    }

    private static Task<PixelServer> Start(Action<BeaconOptions>? configure = null) => PixelServer.StartAsync(
        b => b.ConfigureBeacons(configure ?? (_ => { })), app => app.MapTrackingPixelBeacon());

    private static StringContent Content(string body, string contentType)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static async Task<HttpResponseMessage> Preflight(PixelServer server, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/beacon");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await server.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
