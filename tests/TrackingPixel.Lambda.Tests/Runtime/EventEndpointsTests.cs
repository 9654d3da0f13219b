using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Runtime;

/// <summary>Beacons and clicks through the handler both Lambda hosts share, as HTTP API 2.0 events.</summary>
public class EventEndpointsTests
{
    private const string Key = "click-key-0123456789abcdef0123456789";
    private static readonly Uri Target = new("https://www.example.com/offer?id=7");

    [Theory]
    [InlineData("text/plain;charset=UTF-8", false)]
    [InlineData("application/json", true)]
    public async Task Beacon_Post_Answers204AndRecordsTheBodyMembers(string contentType, bool base64)
    {
        var (function, publisher) = Function();
        var body = """{"userid":"u1","thirdpartyname":"site"}""";

        var response = await Invoke(function, Event("POST", "/beacon", "", contentType, body, base64));

        Assert.Equal(204, response.GetProperty("statusCode").GetInt32());
        Assert.Contains(
            "\"userId\":\"u1\",\"thirdPartyId\":\"site\",\"eventType\":\"beacon\"",
            Assert.Single(publisher.Records),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Beacon_BodyOverTheLimit_Answers413AndRecordsNothing(bool base64)
    {
        using var metrics = new TrackingPixelMetrics();
        var (function, publisher) = Function(beacons: o => o.MaxBodyBytes = 100, metrics: metrics);

        var response = await Invoke(function, Event("POST", "/beacon", "", "text/plain", new string('a', 101), base64));

        Assert.Equal(413, response.GetProperty("statusCode").GetInt32());
        Assert.Empty(publisher.Records);
        Assert.Equal(1, metrics.RequestsRefused);
    }

    [Fact]
    public async Task Beacon_PreflightFromAnAllowedOrigin_AllowsItAndRecordsNothing()
    {
        var (function, publisher) = Function(beacons: o => o.AllowedOrigins.Add("https://www.example.com"));

        var response = await Invoke(
            function, Event("OPTIONS", "/beacon", "", null, null, false, origin: "https://www.example.com"));

        Assert.Equal(204, response.GetProperty("statusCode").GetInt32());
        var headers = response.GetProperty("headers");
        Assert.Equal("https://www.example.com", headers.GetProperty("Access-Control-Allow-Origin").GetString());
        Assert.Equal("POST", headers.GetProperty("Access-Control-Allow-Methods").GetString());
        Assert.Empty(publisher.Records);
    }

    [Fact]
    public async Task Click_SignedLink_RedirectsAndRecordsTheClick()
    {
        var (function, publisher) = Function();
        var link = Signer().Sign(new Uri("https://px.example.com/click"), Target, parameters: [new("userid", "u1")]);

        var response = await Invoke(function, Event("GET", "/click", link.Query[1..], null, null, false));

        Assert.Equal(302, response.GetProperty("statusCode").GetInt32());
        Assert.Equal(Target.AbsoluteUri, response.GetProperty("headers").GetProperty("Location").GetString());
        Assert.Contains(
            "\"userId\":\"u1\",\"thirdPartyId\":\"unknown\",\"eventType\":\"click\"," +
                "\"clickTarget\":\"https://www.example.com/offer?id=7\"",
            Assert.Single(publisher.Records),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("url=https%3A%2F%2Fevil.example%2F")]
    [InlineData("url=https%3A%2F%2Fevil.example%2F&kid=k1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Click_UnsignedOrForgedLink_Answers400WithoutLocationAndRecordsNothing(string query)
    {
        using var metrics = new TrackingPixelMetrics();
        var (function, publisher) = Function(metrics: metrics);

        var response = await Invoke(function, Event("GET", "/click", query, null, null, false));

        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
        Assert.False(response.GetProperty("headers").TryGetProperty("Location", out _));
        Assert.Empty(publisher.Records);
        Assert.Equal(1, metrics.RequestsRefused);
    }

    [Fact]
    public async Task Pixel_OtherPaths_StillGetThePixel()
    {
        var (function, publisher) = Function();

        var response = await Invoke(function, Event("GET", "/pixel.gif", "userid=p", null, null, false));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.DoesNotContain("eventType", Assert.Single(publisher.Records), StringComparison.Ordinal);
    }

    [Fact]
    public void ClickPath_WithoutClickLinks_FailsInit()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PixelFunction(services =>
            Some.StandardPixel(
                services.AddTrackingPixel().UseLambdaClickPath("/click").Services, new RecordingPublisher())));

        Assert.Contains("AddClickLinks", error.Message, StringComparison.Ordinal);
    }

    private static ClickLinkSigner Signer()
    {
        var options = new ClickLinkOptions();
        options.Keys["k1"] = Key;
        return new ClickLinkSigner(options);
    }

    private static (PixelFunction Function, RecordingPublisher Publisher) Function(
        Action<BeaconOptions>? beacons = null, TrackingPixelMetrics? metrics = null)
    {
        var publisher = new RecordingPublisher();
        var function = new PixelFunction(services =>
        {
            if (metrics is not null)
            {
                services.AddSingleton(metrics);
            }

            Some.StandardPixel(services, publisher);
            services.AddTrackingPixel()
                .UseLambdaPixelPath("/pixel.gif")
                .UseLambdaBeaconPath("/beacon")
                .UseLambdaClickPath("/click")
                .AddClickLinks(o => o.Keys["k1"] = Key)
                .ConfigureBeacons(beacons ?? (_ => { }));
        });
        return (function, publisher);
    }

    private static async Task<JsonElement> Invoke(PixelFunction function, byte[] payload)
    {
        await using var output = await function.HandleAsync(new MemoryStream(payload));
        using var copy = new MemoryStream();
        await output.CopyToAsync(copy);
        return JsonDocument.Parse(copy.ToArray()).RootElement.Clone();
    }

    private static byte[] Event(
        string method, string path, string query, string? contentType, string? body, bool base64, string? origin = null)
    {
        var headers = new Dictionary<string, string> { ["user-agent"] = "Mozilla/5.0" };
        if (contentType is not null)
        {
            headers["content-type"] = contentType;
        }

        if (origin is not null)
        {
            headers["origin"] = origin;
            headers["access-control-request-method"] = "POST";
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("rawPath", path);
            json.WriteString("rawQueryString", query);
            json.WriteStartObject("headers");
            foreach (var (name, value) in headers)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteStartObject("requestContext");
            json.WriteString("requestId", "r1");
            json.WriteNumber("timeEpoch", 1714566896789);
            json.WriteStartObject("http");
            json.WriteString("method", method);
            json.WriteString("path", path);
            json.WriteString("sourceIp", "203.0.113.7");
            json.WriteEndObject();
            json.WriteEndObject();
            if (body is not null)
            {
                json.WriteString("body", base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body);
            }

            json.WriteBoolean("isBase64Encoded", base64);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private sealed class PixelFunction(Action<IServiceCollection> configure) : LambdaPixelFunction(configure);
}
