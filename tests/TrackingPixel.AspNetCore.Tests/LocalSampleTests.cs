using System.Net;
using TrackingPixel.AspNetCore.Tests.Support;
using TrackingPixel.Sample.Local;

namespace TrackingPixel.AspNetCore.Tests;

/// <summary>
/// Runs the local sample's own composition, as <c>dotnet run --project samples/TrackingPixel.Sample.Local</c> does.
/// </summary>
public sealed class LocalSampleTests : IDisposable
{
    private readonly string _records = Directory.CreateTempSubdirectory("trackingpixel-sample-").FullName;

    [Fact]
    public async Task Sample_Request_ServesThePixelAndAppendsTheFiveStandardFields()
    {
        var app = LocalPixelApp.Create(["--port", "0", "--records", _records]);
        await app.StartAsync();
        var welcome = new StringWriter();
        LocalPixelApp.PrintWelcome(app, welcome);
        var url = LocalPixelApp.PixelUrl(app);

        using (var client = new HttpClient())
        {
            using var response = await client.GetAsync(
                new Uri(url, "?userid=aws_user&thirdpartyname=example.hightrafficwebsite.com"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(PixelResponse.Gif.ToArray(), await response.Content.ReadAsByteArrayAsync());
        }

        // What Ctrl+C does: a graceful stop, then disposal flushes and closes the record file.
        await app.StopAsync();
        await app.DisposeAsync();

        Assert.Equal("127.0.0.1", url.Host);
        Assert.Contains($"TrackingPixel is serving the pixel at {url}", welcome.ToString(), StringComparison.Ordinal);
        Assert.Contains("<img src=\"", welcome.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Records are appended under {_records}", welcome.ToString(), StringComparison.Ordinal);
        Assert.Matches(
            """^\{"date":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\.[0-9]{3}Z","ip":"127\.0\.0\.1","userAgent":"unknow""" +
                """n","userId":"aws_user","thirdPartyId":"example\.hightrafficwebsite\.com"\}$""",
            Assert.Single(PixelServer.ReadLines(_records)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("65536")]
    public void Create_InvalidPort_SaysWhatAPortMustBe(string port)
    {
        var error = Assert.Throws<ArgumentException>(
            () => LocalPixelApp.Create(["--port", port, "--records", _records]));

        Assert.Equal($"The port must be a number from 0 to 65535 (0 picks a free one); got '{port}'.", error.Message);
    }

    public void Dispose() => Directory.Delete(_records, recursive: true);
}
