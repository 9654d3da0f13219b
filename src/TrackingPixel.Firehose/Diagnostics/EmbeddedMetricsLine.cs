using System.Buffers;
using System.Text.Json;

namespace TrackingPixel.Firehose.Diagnostics;

/// <summary>Writes one CloudWatch Embedded Metric Format line summarising a publish call.</summary>
/// <remarks>
/// CloudWatch Logs turns such a line, written to standard output in Lambda, into metrics without an API call:
/// <c>_aws.CloudWatchMetrics</c> declares the namespace, the <c>DeliveryStream</c> dimension and the metrics, whose
/// values are root properties of the same object.
/// </remarks>
internal static class EmbeddedMetricsLine
{
    public static void Write(
        IBufferWriter<byte> destination,
        string metricsNamespace,
        string stream,
        DateTimeOffset timestamp,
        in PublishSummary summary)
    {
        using (var json = new Utf8JsonWriter(destination))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws"u8);
            json.WriteNumber("Timestamp"u8, timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics"u8);
            json.WriteStartObject();
            json.WriteString("Namespace"u8, metricsNamespace);
            json.WriteStartArray("Dimensions"u8);
            json.WriteStartArray();
            json.WriteStringValue("DeliveryStream"u8);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics"u8);
            Metric(json, "RecordsPublished", "Count");
            Metric(json, "RecordsRetried", "Count");
            Metric(json, "RecordsFailed", "Count");
            Metric(json, "Requests", "Count");
            Metric(json, "PublishDuration", "Milliseconds");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("DeliveryStream"u8, stream);
            json.WriteNumber("RecordsPublished"u8, summary.Published);
            json.WriteNumber("RecordsRetried"u8, summary.Retried);
            json.WriteNumber("RecordsFailed"u8, summary.Failed);
            json.WriteNumber("Requests"u8, summary.Requests);
            json.WriteNumber("PublishDuration"u8, Math.Round(summary.Duration.TotalMilliseconds, 3));
            json.WriteEndObject();
        }

        destination.Write("\n"u8);
    }

    private static void Metric(Utf8JsonWriter json, string name, string unit)
    {
        json.WriteStartObject();
        json.WriteString("Name"u8, name);
        json.WriteString("Unit"u8, unit);
        json.WriteEndObject();
    }
}

/// <summary>What one publish call did, for its metric line.</summary>
internal readonly record struct PublishSummary(int Published, int Retried, int Failed, int Requests, TimeSpan Duration);
