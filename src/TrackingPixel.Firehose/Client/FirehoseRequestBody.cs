using System.Text.Json;
using TrackingPixel.Aws;

namespace TrackingPixel.Firehose.Client;

/// <summary>Writes PutRecord and PutRecordBatch request bodies (JSON 1.1, records as base64 <c>Data</c>).</summary>
internal static class FirehoseRequestBody
{
    /// <summary>Bytes a batch body spends besides the records: the stream name and the JSON around it.</summary>
    public const int Overhead = 64 + 64;

    /// <summary>Bytes one record adds to a batch body: its base64 and <c>{"Data":""},</c>.</summary>
    public static int SizeOf(int recordLength) => (((recordLength + 2) / 3) * 4) + 12;

    public static void WritePutRecord(PooledBuffer destination, string stream, ReadOnlySpan<byte> record)
    {
        using var json = new Utf8JsonWriter(destination);
        json.WriteStartObject();
        json.WriteString("DeliveryStreamName"u8, stream);
        json.WriteStartObject("Record"u8);
        json.WriteBase64String("Data"u8, record);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WritePutRecordBatch(
        PooledBuffer destination,
        string stream,
        IReadOnlyList<ReadOnlyMemory<byte>> records,
        IReadOnlyList<int> indices)
    {
        using var json = new Utf8JsonWriter(destination);
        json.WriteStartObject();
        json.WriteString("DeliveryStreamName"u8, stream);
        json.WriteStartArray("Records"u8);
        foreach (var index in indices)
        {
            json.WriteStartObject();
            json.WriteBase64String("Data"u8, records[index].Span);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
