using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Benchmarks.Support;
using TrackingPixel.Lambda.Events;
using TrackingPixel.Lambda.Runtime;

namespace TrackingPixel.Benchmarks.Lambda;

/// <summary>
/// One Lambda invocation without I/O, per event kind: event bytes → request view → record bytes → response bytes.
/// The events are the fixtures under events/, as API Gateway and Function URLs send them.
/// </summary>
[MemoryDiagnoser]
public class InvocationBenchmarks
{
    private ServiceProvider _services = null!;
    private PixelInvocationHandler _handler = null!;
    private byte[] _payload = [];

    [Params("http-api-v2", "rest-api-v1", "function-url", "alb", "alb-multi-value")]
    public string Event { get; set; } = "http-api-v2";

    [GlobalSetup]
    public void Setup()
    {
        _services = Pixels.Original();
        _handler = new PixelInvocationHandler(_services.Pipeline(), TimeProvider.System);
        _payload = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", Event + ".json"));
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>
    /// Only reading every JSON token of the event: the floor for any mapping that reads the event as JSON.
    /// </summary>
    [Benchmark]
    public int Tokenize()
    {
        var reader = new Utf8JsonReader(_payload);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>Event bytes → request view only.</summary>
    [Benchmark]
    public string Map() => EventMapper.Map(_payload, TimeProvider.System, out _).Path;

    /// <summary>The whole invocation: what the host does between receiving an event and posting its response.</summary>
    [Benchmark(Baseline = true)]
    public int Invoke()
    {
        var outcome = _handler.Handle(_payload);
        using var record = outcome.Record;
        return outcome.Response.Length + record!.Data.Length;
    }
}
