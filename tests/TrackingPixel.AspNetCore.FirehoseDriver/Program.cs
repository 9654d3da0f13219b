using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackingPixel;
using TrackingPixel.Lambda.BootstrapDriver;

// Usage: FirehoseDriver [pixels=20000] [connections=32]
// The endpoint publishes through the batching spine to a loopback Firehose; the clients are closed loops (each sends
// its next pixel once the previous one is answered), as wrk's connections are. Prints the Firehose requests per
// 1,000 pixels and pixels per request, and fails unless every record arrived exactly once.
var pixels = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;

await using var firehose = await LoopbackFirehose.StartAsync("pixels", expectedRecord: null);
Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_FIREHOSE", firehose.Url.ToString());
Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFAKE");
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "fake-secret");

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
builder.Logging.ClearProviders();
builder.Services.AddTrackingPixel().AddStandardFields().UseFirehosePublisher(o => o.DeliveryStreamName = "pixels");
await using var app = builder.Build();
app.MapTrackingPixel("/pixel.gif");
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
{
    BaseAddress = new Uri(address),
};

// Warm-up, not counted: JIT, connections, the signer's key cache.
await LoadAsync(2_000);
var (calls0, batches0, records0) = (firehose.PutRecordCalls, firehose.PutRecordBatchCalls, firehose.Records);
var latencies = new double[pixels];
var clock = Stopwatch.StartNew();
await LoadAsync(pixels, latencies);
clock.Stop();
var metrics = app.Services.GetRequiredService<PixelPipeline>().Metrics;
var requests = firehose.PutRecordCalls - calls0 + (firehose.PutRecordBatchCalls - batches0);
var received = firehose.Records - records0;
Array.Sort(latencies);

Console.WriteLine($"pixels {pixels}, connections {connections}, {pixels / clock.Elapsed.TotalSeconds:F0} pixels/s");
Console.WriteLine($"Firehose requests {requests} (PutRecord {firehose.PutRecordCalls - calls0}, " +
    $"PutRecordBatch {firehose.PutRecordBatchCalls - batches0}), records received {received}");
Console.WriteLine(
    $"requests per 1,000 pixels {requests * 1000.0 / pixels:F1}, pixels per request {(double)received / requests:F1}");
Console.WriteLine($"pixel latency p50 {latencies[pixels / 2]:F2} ms, p99 {latencies[pixels * 99 / 100]:F2} ms");
Console.WriteLine(
    $"undelivered {metrics.RecordsUndelivered}, lost {metrics.RecordsLost}, problems {firehose.Problems.Count}");
return received == pixels && metrics.RecordsUndelivered == 0 && firehose.Problems.Count == 0 ? 0 : 1;

async Task LoadAsync(int count, double[]? times = null)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/pixel.gif?userid=user-{i}&thirdpartyname=example.com");
            response.EnsureSuccessStatusCode();
            if (times is not null)
            {
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
    }));
}
