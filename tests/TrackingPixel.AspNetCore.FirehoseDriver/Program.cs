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

// Usage: FirehoseDriver [pixels=20000] [connections=32] [firehose-ms=20] [idle-linger-ms=0]
// The endpoint publishes through the batching spine to a loopback Firehose that answers each call after firehose-ms
// (20 ms, like an in-region call); the clients are closed loops (each sends its next pixel once the previous one is
// answered), as wrk's connections are. Prints the Firehose requests and billed 5 KB units per 1,000 pixels and pixels
// per request, and fails unless every pixel's record arrived exactly once. idle-linger-ms sets the spine's
// Batching.IdleLinger (zero by default on ASP.NET Core, where a pixel's response waits for its record).
var pixels = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
var idleLinger = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);

await using var firehose = await LoopbackFirehose.StartAsync("pixels", expectedRecord: null, latency);
Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_FIREHOSE", firehose.Url.ToString());
Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFAKE");
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "fake-secret");

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
builder.Logging.ClearProviders();
builder.Services.AddTrackingPixel(o => o.Batching.IdleLinger = idleLinger)
    .AddStandardFields()
    .UseFirehosePublisher(o => o.DeliveryStreamName = "pixels");
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
var (calls0, batches0, lines0, records0, units0) = (
    firehose.PutRecordCalls, firehose.PutRecordBatchCalls, firehose.Lines, firehose.Records, firehose.BilledUnits);
var latencies = new double[pixels];
var clock = Stopwatch.StartNew();
await LoadAsync(pixels, latencies);
clock.Stop();
var metrics = app.Services.GetRequiredService<PixelPipeline>().Metrics;
var requests = firehose.PutRecordCalls - calls0 + (firehose.PutRecordBatchCalls - batches0);
var received = firehose.Lines - lines0;
var firehoseRecords = firehose.Records - records0;
var units = firehose.BilledUnits - units0;
Array.Sort(latencies);

Console.WriteLine(
    $"pixels {pixels}, connections {connections}, Firehose answering after {latency.TotalMilliseconds:F0} ms, " +
    $"idle linger {idleLinger.TotalMilliseconds:F0} ms, " +
    $"{pixels / clock.Elapsed.TotalSeconds:F0} pixels/s");
Console.WriteLine($"Firehose requests {requests} (PutRecord {firehose.PutRecordCalls - calls0}, " +
    $"PutRecordBatch {firehose.PutRecordBatchCalls - batches0}), pixel records received {received} " +
    $"in {firehoseRecords} Firehose records, {units} billed 5 KB units");
Console.WriteLine(
    $"per 1,000 pixels {requests * 1000.0 / pixels:F1} requests, {units * 1000.0 / pixels:F1} billed units; " +
    $"pixels per request {(double)received / requests:F1}");
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
