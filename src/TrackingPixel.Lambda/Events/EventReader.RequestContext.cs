using System.Text.Json;

namespace TrackingPixel.Lambda.Events;

internal static partial class EventReader
{
    /// <summary>
    /// Reads <c>requestContext</c>: the request's id, time and source address, and what says which service sent it.
    /// </summary>
    private static void ReadRequestContext(ref Utf8JsonReader reader, ref EventFacts facts)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        facts.HasRequestContext = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = NameOf(ref reader);
            reader.Read();
            switch (name.Length)
            {
                case 3 when name.SequenceEqual("elb"u8):
                    // An Application Load Balancer target: requestContext holds nothing but elb.targetGroupArn.
                    facts.IsLoadBalancer = reader.TokenType == JsonTokenType.StartObject;
                    reader.Skip();
                    break;
                case 4 when name.SequenceEqual("http"u8):
                    ReadHttp(ref reader, ref facts);
                    break;
                case 4 when name.SequenceEqual("time"u8):
                case 11 when name.SequenceEqual("requestTime"u8):
                    facts.Time = Scalar(ref reader);
                    break;
                case 8 when name.SequenceEqual("identity"u8):
                    facts.IdentitySourceIp = SourceIpOf(ref reader);
                    break;
                case 9 when name.SequenceEqual("requestId"u8):
                    facts.RequestId = Scalar(ref reader);
                    break;
                case 9 when name.SequenceEqual("timeEpoch"u8):
                case 16 when name.SequenceEqual("requestTimeEpoch"u8):
                    facts.TimeEpoch = Scalar(ref reader);
                    break;
                case 9 when name.SequenceEqual("eventType"u8):
                case 12 when name.SequenceEqual("connectionId"u8):
                    // WebSocket API events ($connect, messages, $disconnect) carry a connection, not a pixel request.
                    facts.IsWebSocket = true;
                    reader.Skip();
                    break;
                case 10 when name.SequenceEqual("domainName"u8):
                    facts.IsFunctionUrlDomain = reader.TokenType == JsonTokenType.String
                        && reader.ValueSpan.IndexOf(".lambda-url."u8) >= 0;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>Reads <c>requestContext.http</c> of payload 2.0.</summary>
    private static void ReadHttp(ref Utf8JsonReader reader, ref EventFacts facts)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        facts.HasHttpContext = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = NameOf(ref reader);
            reader.Read();
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("path"u8):
                    facts.ContextPath = Scalar(ref reader);
                    break;
                case 6 when name.SequenceEqual("method"u8):
                    facts.ContextMethod = Scalar(ref reader);
                    break;
                case 8 when name.SequenceEqual("sourceIp"u8):
                    facts.SourceIp = Scalar(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>Reads <c>sourceIp</c> from <c>requestContext.identity</c> of payload 1.0.</summary>
    private static JsonScalar SourceIpOf(ref Utf8JsonReader reader)
    {
        var sourceIp = JsonScalar.Absent;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return sourceIp;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSourceIp = LenientJson.Is(ref reader, "sourceIp"u8);
            reader.Read();
            if (isSourceIp)
            {
                sourceIp = Scalar(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return sourceIp;
    }
}
