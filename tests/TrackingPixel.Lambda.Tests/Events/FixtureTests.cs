using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Events;

/// <summary>
/// Each event fixture under events/ (also usable with <c>sam local invoke --event</c>) maps to its exact record.
/// </summary>
public class FixtureTests
{
    [Theory]
    [InlineData("http-api-v2.json", "HttpApiV2",
        """{"date":"2024-05-01T12:34:56.789Z","ip":"203.0.113.7","userAgent":"Mozilla/5.0 """ +
        """(Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 """ +
        """Safari/537.36","userId":"aws_user","thirdPartyId":"example.hightrafficwebsite.com"}""")]
    [InlineData("function-url.json", "FunctionUrl",
        """{"date":"2024-05-01T12:35:01.042Z","ip":"198.51.100.23","userAgent":"Mozilla/5.0 """ +
        """(X11; Linux x86_64; rv:125.0) Gecko/20100101 """ +
        """Firefox/125.0","userId":"url user","thirdPartyId":"news.example.org"}""")]
    [InlineData("rest-api-v1.json", "RestApiV1",
        """{"date":"2024-05-01T12:35:07.315Z","ip":"130.176.0.12","userAgent":"Mozilla/5.0 """ +
        """(iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) """ +
        """Version/17.4 Mobile/15E148 """ +
        """Safari/604.1","userId":"rest_user","thirdPartyId":"shop.example.com"}""")]
    // ALB events carry no request time (the record's date is the clock's), and the client address is the
    // X-Forwarded-For entry the load balancer appended, never the client's own 10.0.0.99 before it.
    [InlineData("alb.json", "ApplicationLoadBalancer",
        """{"date":"2024-05-01T23:59:59.000Z","ip":"192.0.2.200","userAgent":"Mozilla/5.0 """ +
        """(Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 """ +
        """Safari/537.36","userId":"alb_user","thirdPartyId":"blog.example.net"}""")]
    [InlineData("alb-multi-value.json", "ApplicationLoadBalancerMultiValue",
        """{"date":"2024-05-01T23:59:59.000Z","ip":"192.0.2.200","userAgent":"Mozilla/5.0 """ +
        """(Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 """ +
        """Safari/537.36","userId":"alb_user","thirdPartyId":"blog.example.net"}""")]
    public void Fixture_StandardFields_MapsToExactRecord(string file, string expectedKind, string expectedRecord)
    {
        var request = Some.Map(Some.Fixture(file), out var kind);

        Assert.Equal(expectedKind, kind.ToString());
        Assert.Equal(expectedRecord + "\n", Some.RecordOf(request));
    }

    [Theory]
    [InlineData("http-api-v2.json", "YzHq3gBvDoEEMfA=", "GET", "/pixel.gif")]
    [InlineData("function-url.json", "5a3e9b2c-7d41-4f0e-9c1a-2b3c4d5e6f70", "GET", "/pixel.gif")]
    [InlineData("rest-api-v1.json", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "GET", "/pixel.gif")]
    public void Fixture_RequestContext_GivesRequestIdMethodAndPath(
        string file,
        string requestId,
        string method,
        string path)
    {
        var request = Some.Map(Some.Fixture(file), out _);

        Assert.Equal(requestId, request.RequestId);
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
    }
}
