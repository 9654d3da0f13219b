using CsCheck;
using TrackingPixel.Lambda.Events;
using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Events;

/// <summary>
/// Hostile events never crash the mapping: they give a clear <see cref="UnsupportedEventException"/> or a bounded
/// record.
/// </summary>
public class HostileEventTests
{
    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("\"text\"", "not a JSON object")]
    [InlineData("{\"version\":\"2.0\",", "not valid JSON")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3"}]}""", "it looks like a batch of records")]
    [InlineData("""{"source":"aws.events","detail-type":"Scheduled Event"}""", "it looks like an Amazon EventBridge")]
    [InlineData("""{"version":"2.0","rawPath":"/","requestContext":[1]}""", "it has no \"requestContext\" object")]
    [InlineData("""{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":1}}}""", "needs the strings")]
    [InlineData("""{"version":"2.0","requestContext":{"http":{"method":"GET"}}}""", "needs the strings")]
    [InlineData(
        """{"version":"3.0","httpMethod":"GET","path":"/","requestContext":{}}""",
        "neither \"2.0\" nor \"1.0\"")]
    [InlineData("""{"httpMethod":"GET","apiPath":"/x","requestContext":{}}""", "neither payload 2.0's")]
    public void Map_NotAnHttpEvent_ThrowsUnsupportedEventWithAClearMessage(string json, string expected)
    {
        var exception = Assert.Throws<UnsupportedEventException>(() => Some.Map(json));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_RequestContextMembersOfTheWrongType_ReadAsAbsent()
    {
        var request = Some.Map(
            """{"httpMethod":"GET","path":"/","requestContext":{"identity":"x","requestId":{"a":1}}}""");

        Assert.Equal((null, null), (request.PeerAddress, request.RequestId));
    }

    [Fact]
    public void Map_LoneSurrogateEscapes_ServeABoundedValidRecord()
    {
        var request = Some.Map("""
            {"version":"2.0","rawPath":"/","rawQueryString":"userid=%ED%A0%80",
             "headers":{"user-agent":"bad \ud800 agent \udc00","x-\ud800":"v"},
             "requestContext":{"http":{"method":"GET","sourceIp":"\ud800"}}}
            """);

        Assert.Equal(
            """{"date":"2024-05-01T23:59:59.000Z","ip":"unknown","userAgent":"bad � agent """ +
            """�","userId":"���","thirdPartyId":"unknown"}""" + "\n",
            Some.RecordOf(request));
    }

    [Fact]
    public void Map_NullsEverywhere_ServeARecordOfMissingValues()
    {
        var request = Some.Map("""{"version":"2.0","rawPath":"/","rawQueryString":null,"cookies":null,""" + """
            "headers":null,"queryStringParameters":null,
             "requestContext":{"requestId":null,"time":null,"timeEpoch":null,"http":{"method":"GET","sourceIp":null}}}
            """);

        Assert.Equal(("GET", "/", null), (request.Method, request.Path, request.PeerAddress));
        Assert.Contains("\"userAgent\":\"unknown\"", Some.RecordOf(request), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_WrongScalarTypes_AreReadAsTheirText()
    {
        var request = Some.Map("""{"version":"2.0","rawPath":"/","rawQueryString":42,""" + """
            "headers":{"user-agent":true,"x-object":{"a":1},"x-array":[1]},
             "requestContext":{"timeEpoch":"1714566896789","http":{"method":"GET","sourceIp":203}}}
            """);

        Assert.Equal("42", request.RawQuery);
        Assert.True(request.Headers.TryGetValue("user-agent", out var agent));
        Assert.Equal("true", agent);
        Assert.False(request.Headers.TryGetValue("x-object", out _));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714566896789), request.Timestamp);
    }

    [Fact]
    public void Map_MapsOfTheWrongShape_ReadAsAbsentOrSingleValues()
    {
        var v2 = Some.Map(
            """{"version":"2.0","requestContext":{"http":{"method":"GET"}}""" +
            ""","rawPath":"/","headers":"oops","queryStringParameters":[1],"cookies":[{"a":1},"c=1"]}""");
        var v1 = Some.Map(
            """{"httpMethod":"GET","path":"/","requestContext":{},"multiValueHeaders":{"User-Agent":"lone","X":""" +
            """{"a":1}},"multiValueQueryStringParameters":{"userid":"u"}}""");

        Assert.Equal(["cookie"], v2.Headers.Select(h => h.Key));
        Assert.True(v2.Headers.TryGetValue("cookie", out var cookie));
        Assert.Equal("c=1", cookie);
        Assert.True(v1.Headers.TryGetValue("user-agent", out var agent));
        Assert.Equal("lone", agent);
        Assert.False(v1.Headers.TryGetValue("X", out _));
        Assert.Equal("u", v1.Query.GetValues("userid").Single());
    }

    [Fact]
    public void Map_HugeHeader_GivesARecordWithinTheConfiguredBound()
    {
        var huge = new string('A', 2_000_000);
        var request = Some.Map(
            "{\"version\":\"2.0\",\"rawPath\":\"/\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}," +
            "\"headers\":{\"user-agent\":\"" + huge + "\"}}");

        var record = Some.RecordOf(request);

        Assert.True(record.Length <= 32 * 1024, $"record is {record.Length} bytes");
        Assert.Contains("\"_truncated\"", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ArbitraryJsonText_NeverThrowsAnythingButUnsupportedEvent()
    {
        string[] fragments =
        [
            "{", "}", "[", "]", ",", ":", "\"version\"", "\"2.0\"", "\"1.0\"", "\"rawPath\"", "\"httpMethod\"",
            "\"headers\"", "\"requestContext\"", "\"http\"", "\"\\ud800\"", "null", "true", "12", "-1e999",
            "\"cookies\"", "\"multiValueHeaders\"",
        ];
        Gen.Int[0, fragments.Length - 1].Array[0, 40].Select(parts => string.Concat(parts.Select(i => fragments[i])))
            .Sample(json =>
        {
            try
            {
                Some.Map(json);
            }
            catch (UnsupportedEventException)
            {
            }
        }, iter: 5000);
    }
}
