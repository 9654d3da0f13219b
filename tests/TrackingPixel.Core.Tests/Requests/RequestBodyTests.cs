using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Requests;

public class RequestBodyTests
{
    [Theory]
    [InlineData("application/x-www-form-urlencoded", "userid=aws_user&thirdpartyname=a%20site")]
    [InlineData("application/json", """{"userid":"aws_user","thirdpartyname":"a site"}""")]
    [InlineData(
        "application/json; charset=utf-8",
        """ {"userid":"aws_user","nested":{"x":[1,2]},"thirdpartyname":"a site"} """)]
    [InlineData("text/plain;charset=UTF-8", """{"userid":"aws_user","thirdpartyname":"a site"}""")]
    [InlineData("text/plain", "userid=aws_user&thirdpartyname=a+site")]
    [InlineData(null, """{"userid":"aws_user","thirdpartyname":"a site"}""")]
    public void Parse_EachBeaconMediaType_GivesTheSameMembers(string? contentType, string body)
    {
        var parsed = RequestBody.Parse(Encoding.UTF8.GetBytes(body), contentType);

        Assert.Null(parsed.Problem);
        Assert.True(parsed.Parameters.TryGetValue("userid", out var user));
        Assert.True(parsed.Parameters.TryGetValue("thirdpartyname", out var site));
        Assert.Equal(("aws_user", "a site"), (user, site));
    }

    [Fact]
    public void Parse_JsonNumbersAndBooleans_KeepTheirJsonText()
    {
        var parsed = RequestBody.Parse("""{"n":12.50,"b":true,"z":null}"""u8, "application/json");

        Assert.Equal([new("n", "12.50"), new("b", "true")], parsed.Parameters.ToArray());
    }

    [Fact]
    public void Parse_JsonDeeperThanTheLimit_KeepsTheMembersBeforeAndSaysSo()
    {
        var deep = new string('[', RequestBody.MaxDepth + 1) + new string(']', RequestBody.MaxDepth + 1);
        var parsed = RequestBody.Parse(
            Encoding.UTF8.GetBytes($$"""{"userid":"u1","deep":{{deep}},"after":"x"}"""), "application/json");

        Assert.True(parsed.Parameters.TryGetValue("userid", out var user));
        Assert.Equal("u1", user);
        Assert.False(parsed.Parameters.TryGetValue("after", out _));
        Assert.StartsWith("invalid JSON after 1 member(s)", parsed.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    public void Parse_InvalidUtf8_NeverThrowsAndSaysSo(string contentType)
    {
        byte[] body = contentType == "application/json"
            ? [.. """{"a":"ok","userid":"""u8, (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}']
            : [.. "a=ok&userid="u8, 0xC3, 0x28, 0xFF];

        var parsed = RequestBody.Parse(body, contentType);

        Assert.NotNull(parsed.Problem);
        Assert.True(parsed.Parameters.TryGetValue("a", out var a));
        Assert.Equal("ok", a);
    }

    [Theory]
    [InlineData("image/png", "Content-Type image/png is not read")]
    [InlineData("application/octet-stream", "Content-Type application/octet-stream is not read")]
    [InlineData("application/json", "the JSON body is not an object")]
    public void Parse_BodyThatIsNotReadable_HasNoMembersAndAProblem(string? contentType, string problem)
    {
        var parsed = RequestBody.Parse("[1,2,3]"u8, contentType);

        Assert.Empty(parsed.Parameters);
        Assert.StartsWith(problem, parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_BeaconWithHostileBody_RecordsTheQueryAndCountsTheProblem()
    {
        using var services = Some.Services();
        var pipeline = services.GetRequiredService<PixelPipeline>();
        var request = Beacon("userid=from-query", RequestBody.Parse([0xFF, 0xFE, (byte)'{'], "application/json"));

        using var record = pipeline.Collect(request);

        Assert.Equal(
            """{"date":"2024-05-01T12:34:56.789Z","ip":"203.0.113.7","userAgent":"unknown","userId":"from-query","t""" +
                """hirdPartyId":"unknown","eventType":"beacon"}""" + "\n",
            record!.ToString());
        Assert.Equal(1, pipeline.Metrics.InputProblems);
    }

    [Fact]
    public void Collect_BeaconBody_FillsTheQueryFieldsTheQueryLacks()
    {
        var body = RequestBody.Parse("""{"userid":"from-body","thirdpartyname":"site"}"""u8, "text/plain");

        var record = Some.RecordOf(Beacon("userid=from-query", body));

        Assert.Contains(
            "\"userId\":\"from-query\",\"thirdPartyId\":\"site\",\"eventType\":\"beacon\"",
            record,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_HugeMember_IsCutToTheFieldLimitAndListedAsTruncated()
    {
        var body = RequestBody.Parse(
            Encoding.UTF8.GetBytes($"userid={new string('x', 60_000)}"), "application/x-www-form-urlencoded");

        var record = Some.RecordOf(Beacon("", body));

        Assert.Contains("\"_truncated\":[\"userId\"]", record, StringComparison.Ordinal);
        Assert.True(record.Length < 2_000);
    }

    private static PixelRequest Beacon(string query, RequestBody body) => new()
    {
        Method = "POST",
        Path = "/beacon",
        RawQuery = query,
        Body = body,
        EventType = EventTypes.Beacon,
        PeerAddress = "203.0.113.7",
        Timestamp = Some.Time,
    };
}
