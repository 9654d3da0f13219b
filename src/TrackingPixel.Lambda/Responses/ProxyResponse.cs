using System.Buffers;
using System.Text.Json;
using TrackingPixel.Lambda.Events;

namespace TrackingPixel.Lambda.Responses;

/// <summary>
/// The pixel (and the not-found answer for other paths) as full Lambda response envelopes, one per event kind, written
/// once: every invocation of a kind answers with the same bytes.
/// </summary>
/// <remarks>
/// Always the full envelope (statusCode, headers, base64 body, <c>isBase64Encoded</c>): API Gateway would otherwise
/// infer a JSON body, and a REST API rejects anything else with a 502. A <c>HEAD</c> request gets the same envelope;
/// the front door sends no body for <c>HEAD</c>, and the headers (Content-Length included) are what <c>HEAD</c>
/// describes. An Application Load Balancer also wants <c>statusDescription</c> ("200 OK"), and only
/// <c>multiValueHeaders</c> when the target group has multi-value headers enabled, only <c>headers</c> otherwise.
/// </remarks>
internal static class ProxyResponse
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NotFoundHeaders =
    [
        new("Content-Length", "0"),
        new("Cache-Control", "no-store"),
    ];

    private static readonly byte[][] Pixels = [.. Enum.GetValues<LambdaEventKind>().Select(k =>
        Write(k, 200, PixelResponse.Headers, PixelResponse.GifBase64))];

    private static readonly byte[][] NotFounds = [.. Enum.GetValues<LambdaEventKind>().Select(k =>
        Write(k, 404, NotFoundHeaders, null))];

    /// <summary>Payload format 2.0 (HTTP API, Function URL): <c>headers</c> only, as 2.0 has no multi-value
    /// maps.</summary>
    public static ReadOnlyMemory<byte> HttpApiV2 => For(LambdaEventKind.HttpApiV2);

    /// <summary>Payload format 1.0 (REST API): <c>headers</c> and <c>multiValueHeaders</c>.</summary>
    public static ReadOnlyMemory<byte> RestApiV1 => For(LambdaEventKind.RestApiV1);

    /// <summary>The pixel in the shape <paramref name="kind"/>'s front door expects.</summary>
    public static ReadOnlyMemory<byte> For(LambdaEventKind kind) => Pixels[(int)kind];

    /// <summary>A bodiless 404, for a path that is not the pixel's.</summary>
    public static ReadOnlyMemory<byte> NotFound(LambdaEventKind kind) => NotFounds[(int)kind];

    /// <summary>Any answer in the shape <paramref name="kind"/>'s front door expects, for the beacon and click
    /// endpoints.</summary>
    public static byte[] Write(
        LambdaEventKind kind, int status, IReadOnlyList<KeyValuePair<string, string>> headers, string? base64Body)
    {
        var loadBalancer = kind is LambdaEventKind.ApplicationLoadBalancer or LambdaEventKind.ApplicationLoadBalancerMultiValue;
        var multiValue = kind is LambdaEventKind.RestApiV1 or LambdaEventKind.ApplicationLoadBalancerMultiValue;
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("statusCode"u8, status);
            if (loadBalancer)
            {
                // The status code and reason phrase separated by one space, as the load balancer documents it.
                json.WriteString("statusDescription"u8, $"{status} {Reason(status)}");
            }

            if (kind != LambdaEventKind.ApplicationLoadBalancerMultiValue)
            {
                json.WriteStartObject("headers"u8);
                foreach (var (name, value) in headers)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            if (multiValue)
            {
                json.WriteStartObject("multiValueHeaders"u8);
                foreach (var (name, value) in headers)
                {
                    json.WriteStartArray(name);
                    json.WriteStringValue(value);
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteString("body"u8, base64Body ?? string.Empty);
            json.WriteBoolean("isBase64Encoded"u8, base64Body is not null);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        302 => "Found",
        400 => "Bad Request",
        404 => "Not Found",
        413 => "Payload Too Large",
        _ => "Status",
    };
}
