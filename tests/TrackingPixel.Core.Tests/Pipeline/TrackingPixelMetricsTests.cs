using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Pipeline;

public class TrackingPixelMetricsTests
{
    [Fact]
    public async Task Counters_AfterARequest_AreObservableOnTheMeter()
    {
        using var services = Some.Services();
        var pipeline = services.GetRequiredService<PixelPipeline>();
        await pipeline.HandleAsync(Some.Request(peer: "not an address"), CancellationToken.None);
        var observed = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Other tests' pipelines publish on meters of the same name: listen to this pipeline's only.
            if (instrument.Meter.Name == TrackingPixelMetrics.MeterName && ReferenceEquals(
                instrument.Meter, pipeline.Metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => observed[instrument.Name] = value);
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(1, observed["trackingpixel.records.collected"]);
        Assert.Equal(1, observed["trackingpixel.records.published"]);
        Assert.Equal(1, observed["trackingpixel.input.problems"]);
        Assert.Equal(0, observed["trackingpixel.records.lost"]);
    }

    [Fact]
    public void ReportRefused_RequestAnsweredWithoutARecord_IsCountedOnTheMeterAndLoggedWithItsReason()
    {
        using var logs = new CollectingLoggerProvider();
        using var services = Some.Services(logs: logs);
        var pipeline = services.GetRequiredService<PixelPipeline>();

        pipeline.ReportRefused("req-1", "beacon body over 100 bytes; 413");

        Assert.Equal(1, pipeline.Metrics.RequestsRefused);
        Assert.Equal(0, pipeline.Metrics.RecordsCollected);
        var entry = Assert.Single(logs.Entries, e => e.Message.Contains("req-1", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("Request req-1 answered without a record: beacon body over 100 bytes; 413", entry.Message);
    }
}
