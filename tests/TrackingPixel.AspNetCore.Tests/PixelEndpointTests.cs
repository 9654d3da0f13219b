using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace TrackingPixel.AspNetCore.Tests;

public class PixelEndpointTests
{
    [Fact]
    public void ToPixelRequest_HttpContext_MapsEveryPartWithoutDecodingTheQuery()
    {
        var context = new DefaultHttpContext { TraceIdentifier = "trace-1" };
        context.Request.Method = "GET";
        context.Request.Path = "/pixel.gif";
        context.Request.QueryString = new QueryString("?userid=a%20b&x=%ZZ");
        context.Request.Headers.UserAgent = "ua";
        context.Connection.RemoteIpAddress = IPAddress.Parse("2001:db8::1");
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));

        var request = PixelEndpoint.ToPixelRequest(context, time);

        Assert.Equal(("GET", "/pixel.gif", "userid=a%20b&x=%ZZ"), (request.Method, request.Path, request.RawQuery));
        Assert.True(request.Query.TryGetValue("userid", out var user));
        Assert.Equal("a b", user);
        Assert.True(request.Headers.TryGetValue("user-agent", out var agent));
        Assert.Equal("ua", agent);
        Assert.Equal("2001:db8::1", request.PeerAddress);
        Assert.Equal(time.GetUtcNow(), request.Timestamp);
        Assert.Equal("trace-1", request.RequestId);
    }

    [Fact]
    public void ToPixelRequest_NoQueryNoPeer_GivesEmptyQueryAndNoPeer()
    {
        var context = new DefaultHttpContext();

        var request = PixelEndpoint.ToPixelRequest(context, TimeProvider.System);

        Assert.Equal(string.Empty, request.RawQuery);
        Assert.Null(request.PeerAddress);
        Assert.Equal("/", request.Path);
    }

    [Fact]
    public void Headers_RepeatedHeader_IsJoinedWithCommaSpaceAndEnumeratedOnce()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Append("X-Forwarded-For", "6.6.6.6");
        context.Request.Headers.Append("X-Forwarded-For", "198.51.100.1");
        context.Request.Headers["Empty"] = Microsoft.Extensions.Primitives.StringValues.Empty;

        var headers = new HeaderDictionaryRequestHeaders(context.Request.Headers);

        Assert.True(headers.TryGetValue("x-forwarded-for", out var value));
        Assert.Equal("6.6.6.6, 198.51.100.1", value);
        Assert.False(headers.TryGetValue("Empty", out _));
        Assert.Equal([new("X-Forwarded-For", "6.6.6.6, 198.51.100.1")], headers.ToList());
    }

    [Fact]
    public void MapTrackingPixel_NullArguments_Throw()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        Assert.Throws<ArgumentNullException>(
            () => ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)null!).MapTrackingPixel());
        Assert.Throws<ArgumentException>(() => app.MapTrackingPixel(""));
    }

    [Fact]
    public void MapTrackingPixel_WithoutAddTrackingPixel_SaysWhatToCall()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapTrackingPixel());

        Assert.Contains("AddTrackingPixel()", error.Message, StringComparison.Ordinal);
    }
}
