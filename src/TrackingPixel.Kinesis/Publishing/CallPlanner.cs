using TrackingPixel.Kinesis.Client;

namespace TrackingPixel.Kinesis.Publishing;

/// <summary>Splits Kinesis records into PutRecords calls within 500 records and 5 MiB (keys included) each,
/// keeping their order.</summary>
internal static class CallPlanner
{
    public static List<List<KinesisEntry>> Split(IEnumerable<KinesisEntry> entries)
    {
        var calls = new List<List<KinesisEntry>>();
        var current = new List<KinesisEntry>();
        var size = 0;
        foreach (var entry in entries)
        {
            if (current.Count > 0
                && (current.Count == KinesisLimits.MaxRecordsPerCall
                    || size + entry.LimitBytes > KinesisLimits.MaxBytesPerCall))
            {
                calls.Add(current);
                current = [];
                size = 0;
            }

            current.Add(entry);
            size += entry.LimitBytes;
        }

        if (current.Count > 0)
        {
            calls.Add(current);
        }

        return calls;
    }
}
