using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.EventIds;

public class UuidV7GeneratorTests
{
    [Fact]
    public void Create_Always_SetsVersion7AndRfcVariant()
    {
        var generator = new UuidV7Generator(new FakeTimeProvider(Some.Time));

        for (var i = 0; i < 200; i++)
        {
            var guid = Guid.Parse(generator.Create());
            var bytes = guid.ToByteArray(bigEndian: true);
            Assert.Equal(0x70, bytes[6] & 0xF0);
            Assert.Equal(0x80, bytes[8] & 0xC0);
        }
    }

    [Fact]
    public void Create_Always_EncodesUnixMillisecondsInTheFirst48Bits()
    {
        var generator = new UuidV7Generator(new FakeTimeProvider(Some.Time));

        var text = generator.Create();

        var milliseconds = Convert.ToInt64(text[..8] + text[9..13], 16);
        Assert.Equal(Some.Time.ToUnixTimeMilliseconds(), milliseconds);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", text);
    }

    [Fact]
    public void Create_ClockAdvances_SortsInTimeOrder()
    {
        var time = new FakeTimeProvider(Some.Time);
        var generator = new UuidV7Generator(time);
        var ids = new List<string>();

        for (var i = 0; i < 50; i++)
        {
            ids.Add(generator.Create());
            time.Advance(TimeSpan.FromMilliseconds(i % 3));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Create_ClockStepsBack_StaysMonotonic()
    {
        var time = new SettableClock { Now = Some.Time };
        var generator = new UuidV7Generator(time);

        var first = generator.Create();
        time.Now = Some.Time.AddSeconds(-5);
        var second = generator.Create();

        Assert.True(string.CompareOrdinal(first, second) < 0, $"{first} should sort before {second}");
    }

    [Fact]
    public void Create_SameMillisecondManyTimes_IsUniqueAndOrderedPastCounterOverflow()
    {
        var generator = new UuidV7Generator(new FakeTimeProvider(Some.Time));

        var ids = Enumerable.Range(0, 10_000).Select(_ => generator.Create()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Create_ConcurrentCallers_NeverRepeat()
    {
        var generator = new UuidV7Generator(TimeProvider.System);
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 20_000, _ => ids.Add(generator.Create()));

        Assert.Equal(20_000, ids.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>A clock that can step back, as NTP corrections do; FakeTimeProvider refuses to.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
