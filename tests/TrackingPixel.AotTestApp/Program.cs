using Microsoft.Extensions.DependencyInjection;
using TrackingPixel;

// Runs one request through the AOT-compiled pipeline and prints the record, so CI sees it works, not only that it
// links.
var services = new ServiceCollection();
services.AddTrackingPixel()
    .AddStandardFields()
    .AddQueryField("campaign", "utm_campaign")
    .UseFilePublisher(o => o.Directory = Path.Combine(Path.GetTempPath(), "trackingpixel-aot"));
using var provider = services.BuildServiceProvider();
var pipeline = provider.GetRequiredService<PixelPipeline>();
var request = new PixelRequest
{
    RawQuery = "userid=aot&utm_campaign=spring%20sale",
    Headers = RequestHeaders.FromDictionary(new Dictionary<string, string> { ["User-Agent"] = "aot \"test\"" }),
    PeerAddress = "198.51.100.4",
    Timestamp = DateTimeOffset.UnixEpoch,
};
using var record = pipeline.Collect(request) ?? throw new InvalidOperationException("no record");
Console.Write(record.ToString());
await pipeline.PublishAsync(record, CancellationToken.None);
return pipeline.Metrics.RecordsPublished == 1 ? 0 : 1;
