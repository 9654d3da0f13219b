using System.Text.Json;
using TrackingPixel.Lambda.Events;
using TrackingPixel.Lambda.Responses;

namespace TrackingPixel.Lambda.Tests.Responses;

public class ProxyResponseTests
{
    [Fact]
    public void HttpApiV2_IsTheFullEnvelopeWithTheBase64Gif()
    {
        using var json = JsonDocument.Parse(ProxyResponse.HttpApiV2);
        var root = json.RootElement;

        Assert.Equal(200, root.GetProperty("statusCode").GetInt32());
        Assert.True(root.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(PixelResponse.Gif.ToArray(), Convert.FromBase64String(root.GetProperty("body").GetString()!));
        Assert.Equal(
            PixelResponse.Headers,
            root.GetProperty("headers").EnumerateObject().Select(p => new KeyValuePair<string, string>(
                p.Name,
                p.Value.GetString()!)));
        Assert.False(root.TryGetProperty("multiValueHeaders", out _));
    }

    [Fact]
    public void RestApiV1_AlsoCarriesEveryHeaderAsMultiValue()
    {
        using var json = JsonDocument.Parse(ProxyResponse.RestApiV1);
        var root = json.RootElement;

        Assert.Equal(200, root.GetProperty("statusCode").GetInt32());
        Assert.True(root.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(PixelResponse.GifBase64, root.GetProperty("body").GetString());
        Assert.Equal(
            PixelResponse.Headers,
            root.GetProperty("headers").EnumerateObject().Select(p => new KeyValuePair<string, string>(
                p.Name,
                p.Value.GetString()!)));
        Assert.Equal(
            PixelResponse.Headers.Select(h => (h.Key, h.Value)),
            root.GetProperty("multiValueHeaders").EnumerateObject().Select(
                p => (p.Name, p.Value.EnumerateArray().Single().GetString()!)));
    }

    [Theory]
    [InlineData(LambdaEventKindName.HttpApiV2, false)]
    [InlineData(LambdaEventKindName.FunctionUrl, false)]
    [InlineData(LambdaEventKindName.RestApiV1, true)]
    public void For_EachEventKind_AnswersInItsPayloadFormat(string kind, bool multiValue)
    {
        var bytes = ProxyResponse.For(Enum.Parse<LambdaEventKind>(kind));

        Assert.Equal(
            multiValue ? ProxyResponse.RestApiV1.ToArray() : ProxyResponse.HttpApiV2.ToArray(),
            bytes.ToArray());
    }

    public static class LambdaEventKindName
    {
        public const string HttpApiV2 = nameof(HttpApiV2);
        public const string FunctionUrl = nameof(FunctionUrl);
        public const string RestApiV1 = nameof(RestApiV1);
    }
}
