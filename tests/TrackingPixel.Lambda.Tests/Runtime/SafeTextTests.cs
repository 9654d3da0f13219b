using TrackingPixel.Lambda.Runtime;

namespace TrackingPixel.Lambda.Tests.Runtime;

public class SafeTextTests
{
    [Theory]
    [InlineData(null, 10, "")]
    [InlineData("plain", 10, "plain")]
    [InlineData("abcdefghijkl", 5, "abcde…")]
    [InlineData("ab\ud83d\ude00cd", 3, "ab…")]
    [InlineData("\ud83d\ude00", 10, "\ud83d\ude00")]
    public void Bound_Text_IsValidUtf16WithinTheLimit(string? text, int max, string expected)
    {
        Assert.Equal(expected, SafeText.Bound(text, max));
    }

    [Fact]
    public void Bound_LoneSurrogates_AreReplaced()
    {
        // Built at run time: attribute arguments cannot carry invalid UTF-16.
        var text = new string(['a', '\ud800', 'b', '\udc00']);

        Assert.Equal("a\uFFFDb\uFFFD", SafeText.Bound(text, 10));
    }
}
