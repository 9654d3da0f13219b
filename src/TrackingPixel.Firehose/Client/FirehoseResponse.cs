using TrackingPixel.Aws;

namespace TrackingPixel.Firehose.Client;

/// <summary>Reads Firehose's PutRecordBatch answer.</summary>
internal static class FirehoseResponse
{
    /// <summary>Reads a PutRecordBatch answer: for each entry sent, its error code, or <see langword="null"/> when it
    /// was accepted.</summary>
    /// <returns>The per-entry error codes, or <see langword="null"/> when the answer cannot be read (treat as an
    /// unknown outcome).</returns>
    public static string?[]? ReadBatch(ReadOnlySpan<byte> body, int sent) =>
        AwsJsonResponse.ReadEntryErrors(body, sent, "FailedPutCount"u8, "RequestResponses"u8, "RecordId"u8);
}
