using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Events;

/// <summary>Headers are read from the payload when asked for; what they read must match what the event says.</summary>
public class PayloadHeaderTests
{
    [Fact]
    public void Headers_EscapedValues_AreUnescaped()
    {
        var request = Some.Map(
            """{"version":"2.0","requestContext":{"http":{"method":"GET"}},"rawPath":"/","headers":""" +
            """{"user-agent":"say \"hi\" \\ \u00e9\t!","referer":"plain"}}""");

        Assert.True(request.Headers.TryGetValue("User-Agent", out var agent));
        Assert.Equal("say \"hi\" \\ é\t!", agent);
        Assert.True(request.Headers.TryGetValue("referer", out var referer));
        Assert.Equal("plain", referer);
    }

    [Fact]
    public void Headers_RepeatedName_LastPresentValueWinsInAnyCase()
    {
        var request = Some.Map(
            """{"version":"2.0","requestContext":{"http":{"method":"GET"}},"rawPath":"/","headers":""" +
            """{"x-a":"first","X-A":"second","x-b":"kept","x-b":null}}""");

        Assert.True(request.Headers.TryGetValue("x-a", out var a));
        Assert.Equal("second", a);
        Assert.True(request.Headers.TryGetValue("X-B", out var b));
        Assert.Equal("kept", b);
        Assert.False(request.Headers.TryGetValue("x-c", out _));
    }

    [Fact]
    public void Headers_ScalarsReadAsTextAndContainersAsAbsent()
    {
        var request = Some.Map(
            """{"version":"2.0","requestContext":{"http":{"method":"GET"}},"rawPath":"/","headers":""" +
            """{"n":42.5,"t":true,"o":{"x":"y"},"a":["z"],"z":null}}""");

        Assert.True(request.Headers.TryGetValue("n", out var number));
        Assert.Equal("42.5", number);
        Assert.True(request.Headers.TryGetValue("t", out var boolean));
        Assert.Equal("true", boolean);
        Assert.False(request.Headers.TryGetValue("o", out _));
        Assert.False(request.Headers.TryGetValue("a", out _));
        Assert.False(request.Headers.TryGetValue("z", out _));
        Assert.Equal(["n", "t"], request.Headers.Select(h => h.Key));
    }

    [Fact]
    public void Headers_EscapedName_IsFoundAndEnumerated()
    {
        var request = Some.Map(
            """{"version":"2.0","requestContext":{"http":{"method":"GET"}},"rawPath":"/","headers":""" +
            """{"x-\u0041bc":"escaped name","x-\ud800":"lone"}}""");

        Assert.True(request.Headers.TryGetValue("x-abc", out var value));
        Assert.Equal("escaped name", value);
        // Names keep what the event escaped, lone surrogates included: the record writer replaces those when writing.
        Assert.Equal(["x-Abc", "x-\ud800"], request.Headers.Select(h => h.Key));
    }

    [Fact]
    public void Headers_ManyMoreThanUsual_AreAllFound()
    {
        var headers = string.Join(',', Enumerable.Range(0, 300).Select(i => $"\"h{i}\":\"v{i}\""));
        var request = Some.Map(
            "{\"version\":\"2.0\",\"rawPath\":\"/\",\"requestContext\":{\"http\":{\"method\":\"GET\"}},\"headers\":{" +
            headers + "}}");

        foreach (var i in new[] { 0, 63, 64, 65, 299 })
        {
            Assert.True(request.Headers.TryGetValue($"H{i}", out var value));
            Assert.Equal($"v{i}", value);
        }

        Assert.Equal(300, request.Headers.Count());
    }

    [Fact]
    public void Headers_V1MultiValue_JoinsPresentValuesAndFallsBackToSingle()
    {
        var request = Some.Map("""
            {"httpMethod":"GET","requestContext":{},"path":"/",
             "headers":{"Accept":"single","X-Only-Nulls":"from single"},
             "multiValueHeaders":{"Accept":["a",null,"b",7],"X-Only-Nulls":[null],"X-Scalar":"one"}}
            """);

        Assert.True(request.Headers.TryGetValue("accept", out var accept));
        Assert.Equal("a, b, 7", accept);
        Assert.True(request.Headers.TryGetValue("x-only-nulls", out var onlyNulls));
        Assert.Equal("from single", onlyNulls);
        Assert.True(request.Headers.TryGetValue("x-scalar", out var scalar));
        Assert.Equal("one", scalar);
    }

    [Fact]
    public void Headers_OfTheFixture_ReadTheSameAsTheEventSays()
    {
        var request = Some.Map(Some.Fixture("http-api-v2.json"), out _);

        // The fixture's eleven headers and the cookies array, seen as one Cookie header.
        Assert.Equal(12, request.Headers.Count());
        Assert.True(request.Headers.TryGetValue("x-forwarded-for", out var forwarded));
        Assert.Equal("203.0.113.7", forwarded);
        Assert.True(request.Headers.TryGetValue("cookie", out var cookie));
        Assert.Equal("session=8f2b1c; theme=dark", cookie);
    }
}
