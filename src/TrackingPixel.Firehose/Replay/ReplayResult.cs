namespace TrackingPixel.Firehose.Replay;

/// <summary>What a replay did with its input lines.</summary>
/// <param name="LinesRead">Lines read from the input.</param>
/// <param name="RecordsFound">Lines that held an undelivered record; the rest (other log lines) were skipped.</param>
/// <param name="RecordsPublished">Records the publisher accepted.</param>
/// <param name="RecordsNotPublished">
/// Records not accepted again; their lines were written to the not-replayed output.
/// </param>
public sealed record ReplayResult(long LinesRead, long RecordsFound, long RecordsPublished, long RecordsNotPublished);
