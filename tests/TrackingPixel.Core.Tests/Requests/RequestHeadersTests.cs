
namespace TrackingPixel.Tests.Requests;

public class RequestHeadersTests
{
    [Fact]
    public void TryGetValue_AnyCase_FindsTheHeaderWhateverTheDictionaryComparer()
    {
        var headers = RequestHeaders.FromDictionary(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["user-agent"] = "ua" });

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

    [Fact]
    public void TryGetValue_OtherReadOnlyDictionary_FindsTheHeaderInAnyCase()
    {
        var source = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["x-forwarded-for"] = "203.0.113.7" });
        var headers = RequestHeaders.FromDictionary(source);

        Assert.True(headers.TryGetValue("X-Forwarded-For", out var value));
        Assert.Equal("203.0.113.7", value);
        Assert.False(headers.TryGetValue("Referer", out _));
    }

    [Fact]
    public void TryGetValue_MissOnDictionary_AllocatesNothing()
    {
        var headers = RequestHeaders.FromDictionary(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["user-agent"] = "ua", ["accept"] = "*/*" });
        headers.TryGetValue("Referer", out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            headers.TryGetValue("Referer", out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
