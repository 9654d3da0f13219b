using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
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
            if (instrument.Meter.Name == TrackingPixelMetrics.MeterName && ReferenceEquals(instrument.Meter, pipeline.Metrics.Meter))
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
}
