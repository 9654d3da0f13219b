using System.Text.Json;

namespace TrackingPixel.Lambda.Events;

/// <summary>Recognises the shape of an HTTP event from its top-level members, without deserialising it.</summary>
internal static class EventDetector
{
    private const string Supported =
        "TrackingPixel.Lambda answers API Gateway HTTP API (payload 2.0), REST API (payload 1.0) and Function URL events.";

    /// <summary>Returns the payload format of <paramref name="json"/>.</summary>
    /// <exception cref="UnsupportedEventException">The payload is not JSON, or is JSON of another event source.</exception>
    public static LambdaEventKind Detect(ReadOnlySpan<byte> json)
    {
        string? version = null;
        bool rawPath = false, httpMethod = false;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new UnsupportedEventException($"The event is not a JSON object. {Supported}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    rawPath |= reader.ValueTextEquals("rawPath"u8);
                    httpMethod |= reader.ValueTextEquals("httpMethod"u8);
                    reader.Read();
                }

                reader.Skip();
            }
        }
        catch (JsonException exception)
        {
            throw new UnsupportedEventException($"The event is not valid JSON ({exception.Message}). {Supported}", exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new UnsupportedEventException($"The event is not valid JSON text. {Supported}", exception);
        }

        return version switch
        {
            "2.0" => LambdaEventKind.HttpApiV2,
            "1.0" => LambdaEventKind.RestApiV1,
            _ when httpMethod => LambdaEventKind.RestApiV1,
            _ when rawPath => LambdaEventKind.HttpApiV2,
            _ => throw new UnsupportedEventException(
                $"The event has neither \"version\": \"2.0\" / \"1.0\" nor \"rawPath\" / \"httpMethod\", so it is not an HTTP event. {Supported}"),
        };
    }
}
