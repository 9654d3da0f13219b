using System.Buffers;
using System.Text.Json;
using TrackingPixel.Lambda.Events;

namespace TrackingPixel.Lambda.Responses;

/// <summary>
/// The pixel as a full Lambda proxy response envelope, written once: every invocation answers with the same bytes.
/// </summary>
/// <remarks>
/// Always the full envelope (statusCode, headers, base64 body, <c>isBase64Encoded</c>): API Gateway would otherwise
/// infer a JSON body, and a REST API rejects anything else with a 502. A <c>HEAD</c> request gets the same envelope;
/// API Gateway sends no body for <c>HEAD</c>, and the headers (Content-Length included) are what <c>HEAD</c> describes.
/// </remarks>
internal static class ProxyResponse
{
    private static readonly byte[] HttpApiV2Bytes = Write(multiValueHeaders: false);
    private static readonly byte[] RestApiV1Bytes = Write(multiValueHeaders: true);

    /// <summary>Payload format 2.0 (HTTP API, Function URL): <c>headers</c> only, as 2.0 has no multi-value maps.</summary>
    public static ReadOnlyMemory<byte> HttpApiV2 => HttpApiV2Bytes;

    /// <summary>Payload format 1.0 (REST API): <c>headers</c> and <c>multiValueHeaders</c>.</summary>
    public static ReadOnlyMemory<byte> RestApiV1 => RestApiV1Bytes;

    public static ReadOnlyMemory<byte> For(LambdaEventKind kind) =>
        kind == LambdaEventKind.RestApiV1 ? RestApiV1Bytes : HttpApiV2Bytes;

    private static byte[] Write(bool multiValueHeaders)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("statusCode"u8, 200);
            json.WriteStartObject("headers"u8);
            foreach (var (name, value) in PixelResponse.Headers)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            if (multiValueHeaders)
            {
                json.WriteStartObject("multiValueHeaders"u8);
                foreach (var (name, value) in PixelResponse.Headers)
                {
                    json.WriteStartArray(name);
                    json.WriteStringValue(value);
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteString("body"u8, PixelResponse.GifBase64);
            json.WriteBoolean("isBase64Encoded"u8, true);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
