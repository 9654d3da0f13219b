using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Lambda.Runtime;
using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Routing;

/// <summary>
/// The pixel path as a route: what matches, the values it gives, and what a Function URL's other paths get.
/// </summary>
public class PixelRouteTests
{
    private const string MailRoute = "/o/{campaign}/{recipient}.gif";

    [Theory]
    [InlineData("/pixel.gif", "/pixel.gif")]
    [InlineData("/pixel.gif", "/PIXEL.GIF")]
    [InlineData("/pixel.gif", "/pixel.gif/")]
    [InlineData("/", "/")]
    [InlineData("/a/b", "/a/b")]
    public void TryMatch_LiteralPath_MatchesIgnoringCaseAndOneTrailingSlash(string pattern, string path)
    {
        Assert.True(PixelRoute.Parse(pattern).TryMatch(path, out var values));
        Assert.Empty(values);
    }

    [Theory]
    [InlineData("/pixel.gif", "/favicon.ico")]
    [InlineData("/pixel.gif", "/pixel.gif/extra")]
    [InlineData("/pixel.gif", "/")]
    [InlineData("/", "/pixel.gif")]
    [InlineData(MailRoute, "/o/spring.gif")]
    [InlineData(MailRoute, "/o/spring/r42.png")]
    [InlineData(MailRoute, "/o/spring/.gif")]
    [InlineData(MailRoute, "/o/spring/r42.gif/more")]
    [InlineData(MailRoute, "o/spring/r42.gif")]
    [InlineData(MailRoute, "")]
    public void TryMatch_OtherPath_DoesNotMatch(string pattern, string path)
    {
        Assert.False(PixelRoute.Parse(pattern).TryMatch(path, out _));
    }

    [Fact]
    public void TryMatch_RouteWithParameters_GivesEachPercentDecodedValueByName()
    {
        var route = PixelRoute.Parse(MailRoute);

        Assert.True(route.TryMatch("/O/spring%20sale/r%2F42.GIF", out var values));

        Assert.Equal(["campaign", "recipient"], route.ParameterNames);
        Assert.Equal("spring sale", values["campaign"]);
        Assert.Equal("r/42", values["recipient"]);
    }

    [Theory]
    [InlineData("pixel.gif", "start with '/'")]
    [InlineData("/o//x.gif", "empty segment")]
    [InlineData("/o/{a}/{a}.gif", "appears twice")]
    [InlineData("/o/{a}{b}.gif", "exactly one {name}")]
    [InlineData("/o/{1a}.gif", "exactly one {name}")]
    [InlineData("/o/{a-b}.gif", "exactly one {name}")]
    [InlineData("/o/{}.gif", "exactly one {name}")]
    [InlineData("/o/a}.gif", "exactly one {name}")]
    public void Parse_MalformedPattern_ThrowsSayingWhatIsWrong(string pattern, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => PixelRoute.Parse(pattern));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(pattern, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_FunctionUrlEventOnTheRoute_RecordsTheRouteFields()
    {
        using var pixel = RoutedPixel(out var handler);
        var outcome = handler.Handle(Some.Json(FunctionUrlEvent("/o/spring/r42.gif")));

        using var record = outcome.Record;
        Assert.NotNull(record);
        Assert.Contains("\"campaign\":\"spring\",\"recipient\":\"r42\"", record.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"statusCode\":200", System.Text.Encoding.UTF8.GetString(outcome.Response.Span),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_FunctionUrlEventOffTheRoute_Gets404AndNoRecord()
    {
        using var pixel = RoutedPixel(out var handler);
        var outcome = handler.Handle(Some.Json(FunctionUrlEvent("/favicon.ico")));

        Assert.Null(outcome.Record);
        Assert.Contains("\"statusCode\":404", System.Text.Encoding.UTF8.GetString(outcome.Response.Span),
            StringComparison.Ordinal);
    }

    [Fact]
    public void UseLambdaPixelPath_MalformedPattern_FailsAtRegistration()
    {
        var builder = new ServiceCollection().AddTrackingPixel();

        Assert.Throws<ArgumentException>(() => builder.UseLambdaPixelPath("no-slash"));
    }

    private static ServiceProvider RoutedPixel(out PixelInvocationHandler handler)
    {
        var services = new ServiceCollection();
        Some.StandardPixel(services, new RecordingPublisher());
        services.AddTrackingPixel()
            .UseLambdaPixelPath(MailRoute)
            .AddRouteField("campaign", "campaign")
            .AddRouteField("recipient", "recipient");
        var provider = services.BuildServiceProvider();
        handler = PixelInvocationHandler.From(provider);
        return provider;
    }

    private static string FunctionUrlEvent(string path) =>
        """
        {"version":"2.0","routeKey":"$default","rawPath":"PATH","rawQueryString":"userid=u",
         "headers":{"user-agent":"ua"},
         "requestContext":{"domainName":"abc.lambda-url.us-east-1.on.aws","requestId":"r1",
          "http":{"method":"GET","path":"PATH","sourceIp":"203.0.113.7"}}}
        """.Replace("PATH", path, StringComparison.Ordinal);
}
