namespace TrackingPixel.Publishing;

/// <summary>
/// The last resort for a record no publisher accepted: it is written here whole, so it can be replayed.
/// </summary>
/// <remarks>
/// The default writes one JSON line per record to standard output (CloudWatch Logs in Lambda) in the format of
/// <see cref="UndeliveredRecordLine"/>. Implementations must be thread-safe and should not throw.
/// </remarks>
public interface IUndeliveredRecordSink
{
    /// <summary>Keeps a record that could not be published.</summary>
    /// <param name="record">The record's bytes, newline included.</param>
    /// <param name="reason">Why it was not published; never credentials.</param>
    void Write(ReadOnlySpan<byte> record, string reason);
}
