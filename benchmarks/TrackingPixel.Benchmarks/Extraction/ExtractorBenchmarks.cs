using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Benchmarks.Support;

namespace TrackingPixel.Benchmarks.Extraction;

/// <summary>Each built-in extractor on its own, writing into a reused record builder (no JSON writing).</summary>
[MemoryDiagnoser]
public class ExtractorBenchmarks
{
    private ServiceProvider _services = null!;
    private IFieldExtractor _extractor = null!;
    private PixelRequest _request = null!;
    private RecordBuilder _builder = null!;

    /// <summary>The field each extractor writes first; one benchmark case per extractor.</summary>
    [ParamsSource(nameof(Fields))]
    public string Field { get; set; } = "date";

    public static IEnumerable<string> Fields()
    {
        using var services = Pixels.Everything();
        return services.GetServices<IFieldExtractor>()
            .Select(e => e.DescribeFields().Select(f => f.Name).FirstOrDefault())
            .OfType<string>()
            .ToArray();
    }

    [GlobalSetup]
    public void Setup()
    {
        _services = Pixels.Everything();
        _extractor = _services.GetServices<IFieldExtractor>().First(e => e.DescribeFields().Any(f => f.Name == Field));
        _request = SampleRequests.OriginalExample();
        _builder = new RecordBuilder("unknown");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public int Extract()
    {
        _builder.Reset();
        _extractor.Extract(_request, _builder);
        return _builder.Count;
    }
}
