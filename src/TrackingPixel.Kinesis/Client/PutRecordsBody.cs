using System.Text.Json;
using TrackingPixel.Aws;

namespace TrackingPixel.Kinesis.Client;

/// <summary>Writes PutRecords request bodies (JSON 1.1: base64 <c>Data</c> and a <c>PartitionKey</c> per
/// record, then the stream by name or ARN).</summary>
internal static class PutRecordsBody
{
    /// <summary>The body's size besides the entries: the stream member and the JSON around it.</summary>
    public const int Overhead = 64 + 2048;

    /// <summary>What one entry adds to the body: its base64 data, its key (escaped at most sixfold) and the JSON
    /// around them.</summary>
    public static int SizeOf(KinesisEntry entry) =>
        (((entry.Data.Length + 2) / 3) * 4) + (entry.PartitionKey.Length * 6) + 36;

    public static void Write(PooledBuffer destination, KinesisStream stream, IReadOnlyList<KinesisEntry> entries)
    {
        using var json = new Utf8JsonWriter(destination);
        json.WriteStartObject();
        json.WriteStartArray("Records"u8);
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteBase64String("Data"u8, entry.Data.Span);
            json.WriteString("PartitionKey"u8, entry.PartitionKey);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (stream.Arn is { } arn)
        {
            json.WriteString("StreamARN"u8, arn);
        }
        else
        {
            json.WriteString("StreamName"u8, stream.Name);
        }

        json.WriteEndObject();
    }
}
