namespace TrackingPixel.Aws.Tests.Client;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 800)]
    [InlineData(7, 5_000)]
    [InlineData(60, 5_000)]
    public void FullJitter_ManyDraws_StayWithinCeilingAndSpreadOverIt(int attempt, double ceilingMs)
    {
        var random = new Random(attempt);

        var delays = Enumerable.Range(0, 2_000)
            .Select(
                _ => Backoff.FullJitter(
                    attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), random).TotalMilliseconds)
            .ToList();

        Assert.All(delays, d => Assert.InRange(d, 0, ceilingMs));
        Assert.True(
            delays.Min() < ceilingMs * 0.1 && delays.Max() > ceilingMs * 0.9, "full jitter covers the whole range");
    }
}
