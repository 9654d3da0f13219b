using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Events;

public class EventMapperTests
{
    [Fact]
    public void Map_V2RawQueryString_IsKeptExactlyAndDecodedLazily()
    {
        var request = Some.Map("""{"version":"2.0","requestContext":{"http":{"method":"GET"}},""" + """
            "rawPath":"/p.gif","rawQueryString":"userid=a%2Bb+c&userid=second&x=%ZZ",
             "queryStringParameters":{"userid":"a+b c,second"}}
            """);

        Assert.Equal("userid=a%2Bb+c&userid=second&x=%ZZ", request.RawQuery);
        Assert.Equal(["a+b c", "second"], request.Query.GetValues("userid"));
        Assert.Equal("%ZZ", request.Query.GetValues("x").Single());
    }

    [Theory]
    [InlineData(
        """{"version":"2.0","requestContext":{"http":{"method":"GET"}},"rawPath":"/p.gif","rawQueryString":""}""")]
    [InlineData(
        """{"version":"2.0","requestContext":{"http":{"method":"GET"}}""" +
        ""","rawPath":"/p.gif","rawQueryString":"","queryStringParameters":null}""")]
    [InlineData("""{"version":"2.0","requestContext":{"http":{"method":"GET"}},"rawPath":"/p.gif"}""")]
    [InlineData(
        """{"httpMethod":"GET","requestContext":{}""" +
        ""","path":"/p.gif","queryStringParameters":null,"multiValueQueryStringParameters":null}""")]
    [InlineData("""{"httpMethod":"GET","requestContext":{},"path":"/p.gif"}""")]
    public void Map_AbsentOrNullQuery_GivesNoParameters(string json)
    {
        var request = Some.Map(json);

        Assert.Empty(request.Query);
        Assert.Equal(
            "{\"date\":\"2024-05-01T23:59:59.000Z\",\"ip\":\"unknown\",\"userAgent\":\"unknown\"," +
            "\"userId\":\"unknown\",\"thirdPartyId\":\"unknown\"}\n",
            Some.RecordOf(request));
    }

    [Fact]
    public void Map_V2WithoutRawQueryString_FallsBackToParsedParameters()
    {
        var request = Some.Map(
            """{"version":"2.0","requestContext":{"http":{"method":"GET"}}""" +
            ""","rawPath":"/p.gif","queryStringParameters":{"userid":"u 1","skip":null}}""");

        Assert.Equal("u 1", request.Query.GetValues("userid").Single());
        Assert.Empty(request.Query.GetValues("skip"));
    }

    [Fact]
    public void Map_V2Headers_AreLowerCaseButFoundInAnyCaseAndRepeatsStayCommaJoined()
    {
        var request = Some.Map(
            """{"version":"2.0","requestContext":{"http":{"method":"GET"}},"rawPath":"/","headers":""" +
            """{"user-agent":"UA","x-multi":"a,b","x-null":null}}""");

        Assert.True(request.Headers.TryGetValue("User-Agent", out var agent));
        Assert.Equal("UA", agent);
        Assert.True(request.Headers.TryGetValue("X-Multi", out var multi));
        Assert.Equal("a,b", multi);
        Assert.False(request.Headers.TryGetValue("x-null", out _));
        Assert.Equal(["user-agent", "x-multi"], request.Headers.Select(h => h.Key));
    }

    [Fact]
    public void Map_V2Cookies_BecomeOneCookieHeader()
    {
        var request = Some.Map(
            """{"version":"2.0","requestContext":{"http":{"method":"GET"}},"rawPath":"/","cookies":["a=1",""" +
            """null,"b=2"],"headers":{"host":"h"}}""");

        Assert.True(request.Headers.TryGetValue("Cookie", out var cookie));
        Assert.Equal("a=1; b=2", cookie);
        Assert.Contains(request.Headers, h => h is { Key: "cookie", Value: "a=1; b=2" });
    }

    [Fact]
    public void Map_V1Headers_KeepOriginalCaseAndJoinMultiValueRepeats()
    {
        var request = Some.Map("""
            {"httpMethod":"HEAD","requestContext":{},"path":"/p.gif",
             "headers":{"User-Agent":"UA","X-Forwarded-For":"last","Only-Single":"s"},
             "multiValueHeaders":{"User-Agent":["UA"],"X-Forwarded-For":["first","last"],"Empty":[],"Nulls":[null]}}
            """);

        Assert.Equal("HEAD", request.Method);
        Assert.True(request.Headers.TryGetValue("x-forwarded-for", out var forwarded));
        Assert.Equal("first, last", forwarded);
        Assert.True(request.Headers.TryGetValue("only-single", out var single));
        Assert.Equal("s", single);
        Assert.False(request.Headers.TryGetValue("Nulls", out _));
        Assert.Equal(["User-Agent", "X-Forwarded-For", "Only-Single"], request.Headers.Select(h => h.Key));
    }

    [Fact]
    public void Map_V1MultiValueQuery_KeepsEveryValueInOrder()
    {
        var request = Some.Map("""
            {"httpMethod":"GET","requestContext":{},"path":"/p.gif",
             "queryStringParameters":{"userid":"b"},
             "multiValueQueryStringParameters":{"userid":["a","b"],"thirdpartyname":["site"],"n":null}}
            """);

        Assert.Equal(["a", "b"], request.Query.GetValues("userid"));
        Assert.Equal("site", request.Query.GetValues("thirdpartyname").Single());
        Assert.Equal("", request.RawQuery);
    }

    [Fact]
    public void Map_V1WithOnlySingleValueQuery_UsesIt()
    {
        var request = Some.Map(
            """{"httpMethod":"GET","requestContext":{},"path":"/p.gif","queryStringParameters":{"userid":"only"}}""");

        Assert.Equal("only", request.Query.GetValues("userid").Single());
    }

    [Theory]
    [InlineData(
        """{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"}""" +
        ""","timeEpoch":1714566896789,"time":"02/Jun/2025:00:00:00 +0000"}}""",
        "2024-05-01T12:34:56.7890000+00:00")]
    [InlineData(
        """{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"}""" +
        ""","time":"12/Mar/2020:19:03:58 +0000"}}""",
        "2020-03-12T19:03:58.0000000+00:00")]
    [InlineData(
        """{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"}""" +
        ""","time":"12/Mar/2020:21:03:58 +0200"}}""",
        "2020-03-12T19:03:58.0000000+00:00")]
    [InlineData(
        """{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"}""" +
        ""","timeEpoch":-5,"time":"garbage"}}""",
        "2024-05-01T23:59:59.0000000+00:00")]
    [InlineData(
        """{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},"timeEpoch":99999999999999999}}""",
        "2024-05-01T23:59:59.0000000+00:00")]
    [InlineData(
        """{"httpMethod":"GET","path":"/","requestContext":{"requestTimeEpoch":1714566907315}}""",
        "2024-05-01T12:35:07.3150000+00:00")]
    [InlineData(
        """{"httpMethod":"GET","path":"/","requestContext":{"requestTime":"01/May/2024:12:35:07 +0000"}}""",
        "2024-05-01T12:35:07.0000000+00:00")]
    public void Map_RequestTime_PrefersEpochThenClfThenClock(string json, string expected)
    {
        Assert.Equal(expected, Some.Map(json).Timestamp.ToUniversalTime().ToString("o"));
    }

    [Fact]
    public void Map_SourceIpAndRequestId_ComeFromRequestContext()
    {
        var v2 = Some.Map(
            """{"version":"2.0","rawPath":"/","requestContext":{"requestId":"r2","http":""" +
            """{"method":"GET","sourceIp":"2001:db8::1"}}}""");
        var v1 = Some.Map(
            """{"httpMethod":"GET","path":"/","requestContext":{"requestId":"r1","identity":""" +
            """{"sourceIp":"192.0.2.1"}}}""");

        Assert.Equal(("2001:db8::1", "r2"), (v2.PeerAddress, v2.RequestId));
        Assert.Equal(("192.0.2.1", "r1"), (v1.PeerAddress, v1.RequestId));
    }

    [Theory]
    [InlineData(
        """{"version":"2.0","routeKey":"$default","rawPath":"/","requestContext":""" +
        """{"domainName":"abc.lambda-url.us-east-1.on.aws","http":{"method":"GET"}}}""",
        "FunctionUrl")]
    [InlineData(
        """{"version":"2.0","rawPath":"/","requestContext":""" +
        """{"domainName":"abc.execute-api.us-east-1.amazonaws.com","http":{"method":"GET"}}}""",
        "HttpApiV2")]
    [InlineData("""{"version":"1.0","httpMethod":"GET","path":"/","requestContext":{}}""", "RestApiV1")]
    [InlineData("""{"resource":"/","httpMethod":"GET","path":"/","requestContext":{"identity":{}}}""", "RestApiV1")]
    [InlineData(
        """{"requestContext":{"elb":{"targetGroupArn":"arn"}},"httpMethod":"GET","path":"/","headers":{}}""",
        "ApplicationLoadBalancer")]
    [InlineData(
        """{"requestContext":{"elb":{"targetGroupArn":"arn"}},"httpMethod":"GET","path":"/","multiValueHeaders":{}}""",
        "ApplicationLoadBalancerMultiValue")]
    public void Map_Shape_IsDetectedFromVersionAndMembers(string json, string expected)
    {
        Some.Map(Some.Json(json), out var kind);

        Assert.Equal(expected, kind.ToString());
    }
}
