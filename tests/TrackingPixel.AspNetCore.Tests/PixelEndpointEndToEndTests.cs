using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.AspNetCore.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.AspNetCore.Tests;

public class PixelEndpointEndToEndTests
{
    private const string OriginalExample = "/pixel.gif?userid=aws_user&thirdpartyname=example.hightrafficwebsite.com";
    private const string UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like " +
        "Gecko) Chrome/124.0 Safari/537.36";

    [Fact]
    public async Task Get_OriginalExampleRequest_ServesTheExactGifAndWritesTheOriginalRecord()
    {
        await using var server = await PixelServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, OriginalExample);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PixelResponse.Gif.ToArray(), body);
        AssertPixelHeaders(response);
        Assert.Equal(
            [$$"""{"date":"2024-05-01T12:34:56.789Z","ip":"127.0.0.1","userAgent":"{{UserAgent}}","userId":"aws_use""" +
                """r","thirdPartyId":"example.hightrafficwebsite.com"}"""],
            await server.StopAndReadLinesAsync());
    }

    [Fact]
    public async Task Get_RouteWithParameters_RecordsEachParameterAsAField()
    {
        await using var server = await PixelServer.StartAsync(
            pixel => pixel.AddRouteField("campaign", "campaign").AddRouteField("recipient", "recipient"),
            pattern: "/o/{campaign}/{recipient}.gif");

        using var onRoute = await server.Client.GetAsync("/o/spring%20sale/r42.gif?userid=u");
        using var offRoute = await server.Client.GetAsync("/pixel.gif?userid=u");

        Assert.Equal(HttpStatusCode.OK, onRoute.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, offRoute.StatusCode);
        var line = Assert.Single(await server.StopAndReadLinesAsync());
        Assert.EndsWith("\"campaign\":\"spring sale\",\"recipient\":\"r42\"}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_ServesTheHeadersWithoutABodyAndRecordsTheRequest()
    {
        await using var server = await PixelServer.StartAsync();

        using var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, OriginalExample));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPixelHeaders(response);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Single(await server.StopAndReadLinesAsync());
    }

    [Fact]
    public async Task Post_IsNotServed()
    {
        await using var server = await PixelServer.StartAsync();

        using var response = await server.Client.PostAsync(OriginalExample, null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(await server.StopAndReadLinesAsync());
    }

    [Fact]
    public async Task Get_ThousandConcurrentRequests_WriteThousandIntactLines()
    {
        await using var server = await PixelServer.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            using var response = await server.Client.GetAsync(
                $"/pixel.gif?userid=user-{i}&thirdpartyname=%22quoted%22");
            return (response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).Length);
        }));

        Assert.All(responses, r => Assert.Equal((HttpStatusCode.OK, 43), r));
        var lines = await server.StopAndReadLinesAsync();
        Assert.Equal(1000, lines.Count);
        var users = lines.Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal("\"quoted\"", json.RootElement.GetProperty("thirdPartyId").GetString());
            return json.RootElement.GetProperty("userId").GetString();
        });
        Assert.Equal(
            Enumerable.Range(0, 1000).Select(i => $"user-{i}").Order(StringComparer.Ordinal),
            users.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_PublisherAndSinkBothFail_StillServesThePixel()
    {
        await using var server = await PixelServer.StartAsync(b => b
            .AddExtractor(new Throwing())
            .UsePublisher(_ => new Throwing())
            .UseUndeliveredRecordSink(new Throwing()));

        using var response = await server.Client.GetAsync(OriginalExample);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PixelResponse.Gif.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_ForwardedForWithoutTrustedProxies_RecordsTheTcpPeer()
    {
        await using var server = await PixelServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/pixel.gif");
        request.Headers.Add("X-Forwarded-For", "6.6.6.6");

        using var response = await server.Client.SendAsync(request);

        Assert.Contains(
            "\"ip\":\"127.0.0.1\"", Assert.Single(await server.StopAndReadLinesAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RawHttp_HasEveryPixelHeaderExactlyAndEndsWithTheGif()
    {
        await using var server = await PixelServer.StartAsync();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Client.BaseAddress!.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET /pixel.gif HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"u8.ToArray());
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);

        var bytes = received.ToArray();
        var head = System.Text.Encoding.ASCII.GetString(bytes, 0, bytes.Length - 43);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", head, StringComparison.Ordinal);
        foreach (var header in PixelResponse.Headers)
        {
            Assert.Contains($"\r\n{header.Key}: {header.Value}\r\n", head, StringComparison.Ordinal);
        }

        Assert.EndsWith("\r\n\r\n", head, StringComparison.Ordinal);
        Assert.Equal(PixelResponse.Gif.ToArray(), bytes[^43..]);
    }

    private static void AssertPixelHeaders(HttpResponseMessage response)
    {
        Assert.Equal("image/gif", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(43, response.Content.Headers.ContentLength);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.NoStore && cache.NoCache && cache.MustRevalidate && cache.Private);
        Assert.Equal(TimeSpan.Zero, cache.MaxAge);
        Assert.Equal("no-cache", Assert.Single(response.Headers.GetValues("Pragma")));
        Assert.Equal("Thu, 01 Jan 1970 00:00:00 GMT", Assert.Single(response.Content.Headers.GetValues("Expires")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("cross-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Resource-Policy")));
    }

    private sealed class Throwing : IFieldExtractor, IRecordPublisher, IUndeliveredRecordSink
    {
        public PublisherLimits Limits => PublisherLimits.Default;

        public void Extract(PixelRequest request, RecordBuilder record) =>
            throw new InvalidOperationException("extractor bug");

        public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
            throw new IOException("publisher down");

        public ValueTask PublishAsync(
            IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken) =>
            throw new IOException("publisher down");

        public void Write(ReadOnlySpan<byte> record, string reason) => throw new IOException("sink down");
    }
}
