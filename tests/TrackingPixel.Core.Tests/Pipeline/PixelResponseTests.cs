
namespace TrackingPixel.Tests.Pipeline;

public class PixelResponseTests
{
    [Fact]
    public void Gif_IsTheCanonicalTransparentOneByOneGif89a()
    {
        var gif = PixelResponse.Gif.Span;

        Assert.Equal(43, gif.Length);
        Assert.True(gif.StartsWith("GIF89a"u8));
        Assert.Equal(1, gif[6] | (gif[7] << 8));
        Assert.Equal(1, gif[8] | (gif[9] << 8));
        Assert.Equal((byte)';', gif[^1]);
        Assert.Equal(Convert.FromBase64String(PixelResponse.GifBase64), gif.ToArray());
    }

    [Fact]
    public void Headers_DescribeTheGifAndForbidCaching()
    {
        var headers = PixelResponse.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(PixelResponse.ContentType, headers["Content-Type"]);
        Assert.Equal(
            PixelResponse.Gif.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            headers["Content-Length"]);
        Assert.Contains("no-store", headers["Cache-Control"], StringComparison.Ordinal);
        Assert.Contains("private", headers["Cache-Control"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Equal("cross-origin", headers["Cross-Origin-Resource-Policy"]);
    }
}
