
namespace TrackingPixel.Tests.Requests;

public class RequestHeadersTests
{
    [Fact]
    public void TryGetValue_AnyCase_FindsTheHeaderWhateverTheDictionaryComparer()
    {
        var headers = RequestHeaders.FromDictionary(new Dictionary<string, string>(StringComparer.Ordinal) { ["user-agent"] = "ua" });

        Assert.True(headers.TryGetValue("User-Agent", out var value));
        Assert.Equal("ua", value);
        Assert.False(headers.TryGetValue("Referer", out _));
    }

    [Fact]
    public void NullValues_AreTreatedAsAbsent()
    {
        var headers = RequestHeaders.FromDictionary(new Dictionary<string, string> { ["a"] = null!, ["b"] = "1" });

        Assert.False(headers.TryGetValue("a", out _));
        Assert.Equal([new("b", "1")], headers.ToList());
    }
}
