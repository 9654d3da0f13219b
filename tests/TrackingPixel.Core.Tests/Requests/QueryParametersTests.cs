
namespace TrackingPixel.Tests.Requests;

public class QueryParametersTests
{
    [Fact]
    public void Enumerate_RepeatedEmptyAndNamelessSegments_KeepsRepeatsAndSkipsEmptySegments()
    {
        var pairs = QueryParameters.Parse("a=1&a=2&=x&&").ToList();

        Assert.Equal([new("a", "1"), new("a", "2"), new("", "x")], pairs);
    }

    [Fact]
    public void GetValues_RepeatedKey_ReturnsEveryValueInOrder()
    {
        var query = QueryParameters.Parse("a=1&b=0&a=2");

        Assert.Equal(["1", "2"], query.GetValues("a"));
        Assert.Empty(query.GetValues("c"));
    }

    [Theory]
    [InlineData("v=%ZZ", "%ZZ", true)]
    [InlineData("v=%", "%", true)]
    [InlineData("v=%4", "%4", true)]
    [InlineData("v=100%", "100%", true)]
    [InlineData("v=%FF", "\uFFFD", true)]
    [InlineData("v=%C3%28", "\uFFFD(", true)]
    [InlineData("v=%ED%A0%80", "\uFFFD\uFFFD\uFFFD", true)]
    [InlineData("v=a+b", "a b", false)]
    [InlineData("v=a%2Bb", "a+b", false)]
    [InlineData("v=%c3%a9", "é", false)]
    [InlineData("v=%F0%9F%98%80", "😀", false)]
    [InlineData("v=é", "é", false)]
    [InlineData("v=a=b", "a=b", false)]
    public void TryGetValue_AnyEncoding_DecodesWithoutThrowingAndFlagsMalformedInput(
        string raw, string expected, bool malformed)
    {
        var query = QueryParameters.Parse(raw);

        Assert.True(query.TryGetValue("v", out var value, out var wasMalformed));
        Assert.Equal(expected, value);
        Assert.Equal(malformed, wasMalformed);
    }

    [Fact]
    public void TryGetValue_RawLoneSurrogate_IsReplacedAndFlagged()
    {
        // Built at run time: a lone surrogate cannot survive in attribute metadata.
        var query = QueryParameters.Parse("v=" + '\uD800' + "x");

        Assert.True(query.TryGetValue("v", out var value, out var malformed));
        Assert.Equal(new[] { 0xFFFD, 'x' }, value.Select(c => (int)c));
        Assert.True(malformed);
    }

    [Fact]
    public void TryGetValue_EncodedKey_MatchesTheDecodedName()
    {
        var query = QueryParameters.Parse("user%20id=1&user+id=2");

        Assert.True(query.TryGetValue("user id", out var value));
        Assert.Equal("1", value);
    }

    [Fact]
    public void TryGetValue_KeyWithoutValue_IsPresentAndEmpty()
    {
        Assert.True(QueryParameters.Parse("flag&other=1").TryGetValue("flag", out var value));
        Assert.Equal("", value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("?")]
    public void Parse_NoQuery_IsEmpty(string? raw)
    {
        Assert.Same(QueryParameters.Empty, QueryParameters.Parse(raw));
        Assert.False(QueryParameters.Parse(raw).TryGetValue("a", out _));
    }

    [Fact]
    public void Parse_LeadingQuestionMark_IsIgnored()
    {
        Assert.True(QueryParameters.Parse("?a=1").TryGetValue("a", out var value));
        Assert.Equal("1", value);
    }

    [Fact]
    public void FromPairs_DecodedPairs_AreUsedAsGiven()
    {
        var query = QueryParameters.FromPairs([new("a", "%ZZ"), new("a", "2")]);

        Assert.True(query.TryGetValue("a", out var first));
        Assert.Equal("%ZZ", first);
        Assert.Equal(["%ZZ", "2"], query.GetValues("a"));
    }

    [Fact]
    public void TryGetValue_LongEscapedValue_DecodesBeyondTheStackBuffer()
    {
        var raw = "v=" + string.Concat(Enumerable.Repeat("%C3%A9", 5_000));

        Assert.True(QueryParameters.Parse(raw).TryGetValue("v", out var value));
        Assert.Equal(new string('é', 5_000), value);
    }
}
