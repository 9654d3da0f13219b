using TrackingPixel.Aws;

namespace TrackingPixel.Kinesis.Client;

/// <summary>Reads a PutRecords answer: per entry sent, its <c>ErrorCode</c>, or <see langword="null"/> when it
/// got a sequence number.</summary>
internal static class PutRecordsResponse
{
    /// <returns>The per-entry error codes, or <see langword="null"/> when the answer cannot be read (an unknown
    /// outcome, so every entry is sent again).</returns>
    public static string?[]? Read(ReadOnlySpan<byte> body, int sent) =>
        AwsJsonResponse.ReadEntryErrors(body, sent, "FailedRecordCount"u8, "Records"u8, "SequenceNumber"u8);
}
