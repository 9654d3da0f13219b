using TrackingPixel.Firehose.Client;

namespace TrackingPixel.Firehose.Publishing;

/// <summary>
/// Splits records into PutRecordBatch calls that respect the record-count and request-size limits, keeping their order.
/// </summary>
internal static class BatchPlanner
{
    public static List<List<int>> Split(IReadOnlyList<ReadOnlyMemory<byte>> records, IEnumerable<int> indices)
    {
        var batches = new List<List<int>>();
        var current = new List<int>();
        var size = FirehoseRequestBody.Overhead;
        foreach (var index in indices)
        {
            var recordSize = FirehoseRequestBody.SizeOf(records[index].Length);
            if (current.Count > 0
                && (current.Count == FirehoseLimits.MaxBatchRecords
                    || size + recordSize > FirehoseLimits.MaxBatchBodyBytes))
            {
                batches.Add(current);
                current = [];
                size = FirehoseRequestBody.Overhead;
            }

            current.Add(index);
            size += recordSize;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }
}
