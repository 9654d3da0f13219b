using TrackingPixel.Kinesis.Client;
using TrackingPixel.Kinesis.Publishing;

namespace TrackingPixel.Kinesis.Tests.Publishing;

public class CallPlannerTests
{
    [Fact]
    public void Split_ManySmallRecords_StartsANewCallAfter500()
    {
        var entries = Enumerable.Range(0, 1201).Select(i => Entry(100, i)).ToList();

        var calls = CallPlanner.Split(entries);

        Assert.Equal([500, 500, 201], calls.Select(c => c.Count));
        Assert.Equal(Enumerable.Range(0, 1201), calls.SelectMany(c => c).SelectMany(e => e.Members));
    }

    [Fact]
    public void Split_LargeRecords_KeepsEachCallWithin5MiBCountingPartitionKeys()
    {
        // 1,000,000 data bytes plus a 32-byte key: five fit in 5 MiB (5,242,880), the sixth does not.
        var entries = Enumerable.Range(0, 12).Select(i => Entry(1_000_000, i)).ToList();

        var calls = CallPlanner.Split(entries);

        Assert.Equal([5, 5, 2], calls.Select(c => c.Count));
        Assert.All(calls, c => Assert.True(c.Sum(e => e.LimitBytes) <= KinesisLimits.MaxBytesPerCall));
    }

    [Fact]
    public void LimitBytes_CountsThePartitionKeyInUtf8()
    {
        var entry = new KinesisEntry(new byte[10], "é-key", [0]);

        Assert.Equal(10 + 6, entry.LimitBytes);
    }

    private static KinesisEntry Entry(int size, int index) => new(new byte[size], PartitionKeys.Random(), [index]);
}
