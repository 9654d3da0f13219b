namespace TrackingPixel.Testing.Tests.Requests;

public class TestRequestTests
{
    [Fact]
    public void ToPixelRequest_FluentParts_AreWhatAnExtractorReads()
    {
        var request = TestRequest.Get("/o/spring.gif")
            .WithQuery("?userid=u%201")
            .WithQueryParameter("name", "a&b=c")
            .WithHeader("Accept-Language", "en")
            .WithHeader("accept-language", "de")
            .WithUserAgent("curl/8.5.0")
            .WithCookie("session", "s1")
            .WithCookie("consent", "yes")
            .WithClientAddress("2001:db8::1")
            .WithRequestId("req-7")
            .WithRouteValue("campaign", "spring")
            .ToPixelRequest();

        Assert.Equal("GET", request.Method);
        Assert.Equal("/o/spring.gif", request.Path);
        Assert.Equal("userid=u%201&name=a%26b%3Dc", request.RawQuery);
        Assert.True(request.Query.TryGetValue("name", out var name));
        Assert.Equal("a&b=c", name);
        Assert.True(request.Headers.TryGetValue("ACCEPT-LANGUAGE", out var language));
        Assert.Equal("en, de", language);
        Assert.True(request.Headers.TryGetValue("cookie", out var cookie));
        Assert.Equal("session=s1; consent=yes", cookie);
        Assert.Equal("2001:db8::1", request.PeerAddress);
        Assert.Equal("req-7", request.RequestId);
        Assert.Equal("spring", request.RouteValues["campaign"]);
    }

    [Fact]
    public void ToPixelRequest_NoTimeSet_TakesTheClocksTime_ThenTheDefault()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(clock.GetUtcNow(), TestRequest.Get().ToPixelRequest(clock).Timestamp);
        Assert.Equal(FixedClock.DefaultTime, TestRequest.Head().ToPixelRequest().Timestamp);
        var later = FixedClock.DefaultTime.AddDays(1);
        Assert.Equal(later, TestRequest.Get().At(later).ToPixelRequest(clock).Timestamp);
    }

    [Fact]
    public void ToPixelRequest_Defaults_AreADocumentationAddressAndNoRequestId()
    {
        var request = TestRequest.Head().ToPixelRequest();

        Assert.Equal("HEAD", request.Method);
        Assert.Equal(TestRequest.DefaultClientAddress, request.PeerAddress);
        Assert.Null(request.RequestId);
        Assert.Empty(request.RawQuery);
    }

    [Fact]
    public void FixedClock_Advance_NegativeDelta_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedClock().Advance(TimeSpan.FromSeconds(-1)));
}
