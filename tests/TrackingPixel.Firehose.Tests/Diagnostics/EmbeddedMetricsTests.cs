using System.Diagnostics.Metrics;
using System.Text.Json;
using TrackingPixel.Firehose.Diagnostics;
using TrackingPixel.Firehose.Tests.Support;

namespace TrackingPixel.Firehose.Tests.Diagnostics;

public sealed class EmbeddedMetricsTests
{
    [Fact]
    public async Task Publish_EmbeddedMetricsOn_WritesOneValidEmfLinePerCall()
    {
        await using var server = new FakeFirehose(
            call => call.Number == 1 ? Fault.Entries((i, _) => i < 4) : Fault.None);
        await using var harness = FirehoseHarness.Create(server, o =>
        {
            o.EmitEmbeddedMetrics = true;
            o.EmbeddedMetricsNamespace = "PixelTest";
        });

        await harness.PublishAsync(10);
        await harness.PublishAsync(3);

        var lines = harness.MetricLines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        AssertEmf(first.RootElement);
        Assert.Equal(
            "PixelTest",
            first.RootElement
                .GetProperty("_aws")
                .GetProperty("CloudWatchMetrics")[0]
                .GetProperty("Namespace")
                .GetString());
        Assert.Equal(FakeFirehose.Stream, first.RootElement.GetProperty("DeliveryStream").GetString());
        Assert.Equal(
            (10, 4, 0, 2),
            (
                Value(first, "RecordsPublished"),
                Value(first, "RecordsRetried"),
                Value(first, "RecordsFailed"),
                Value(first, "Requests")));
    }

    [Fact]
    public async Task Publish_EmbeddedMetricsOff_WritesNothing()
    {
        await using var harness = FirehoseHarness.Create(new FakeFirehose());

        await harness.PublishAsync(2);

        Assert.Empty(harness.MetricLines.ToString());
    }

    [Fact]
    public async Task Meter_AfterPublishing_ReportsTheSameCountsAsProperties()
    {
        await using var harness = FirehoseHarness.Create(new FakeFirehose());
        await harness.PublishAsync(17);

        // Other tests' publishers report on the same meter name in parallel, so look for this one's values among them.
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Name, long Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FirehosePublisherMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen.Add((instrument.Name, value)));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(17, harness.Metrics.RecordsPublished);
        Assert.Contains(("trackingpixel.firehose.records.published", 17L), seen);
        Assert.Contains(seen, m => m.Name == "trackingpixel.firehose.records.retried");
        Assert.Contains(seen, m => m.Name == "trackingpixel.firehose.records.failed");
    }

    // The EMF specification's rules: _aws with an integer Timestamp and CloudWatchMetrics directives, each with a
    // Namespace, Dimensions (arrays of names present at the root) and Metrics (names present at the root, numeric).
    private static void AssertEmf(JsonElement root)
    {
        var aws = root.GetProperty("_aws");
        Assert.Equal(JsonValueKind.Number, aws.GetProperty("Timestamp").ValueKind);
        Assert.True(aws.GetProperty("Timestamp").TryGetInt64(out _));
        foreach (var directive in aws.GetProperty("CloudWatchMetrics").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(directive.GetProperty("Namespace").GetString()));
            foreach (var set in directive.GetProperty("Dimensions").EnumerateArray())
            {
                Assert.All(
                    set.EnumerateArray(),
                    d => Assert.Equal(JsonValueKind.String, root.GetProperty(d.GetString()!).ValueKind));
            }

            Assert.All(directive.GetProperty("Metrics").EnumerateArray(), m =>
            {
                Assert.Equal(JsonValueKind.Number, root.GetProperty(m.GetProperty("Name").GetString()!).ValueKind);
                Assert.Contains(m.GetProperty("Unit").GetString(), new[] { "Count", "Milliseconds" });
            });
        }
    }

    private static long Value(JsonDocument document, string name) => document.RootElement.GetProperty(name).GetInt64();
}
