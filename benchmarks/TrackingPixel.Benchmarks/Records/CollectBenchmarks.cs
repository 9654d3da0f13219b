using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Benchmarks.Support;

namespace TrackingPixel.Benchmarks.Records;

/// <summary>
/// Request view → record bytes: every extractor, the policies and the JSON writer, for the record shapes users run.
/// </summary>
[MemoryDiagnoser]
public class CollectBenchmarks
{
    private ServiceProvider _original = null!;
    private ServiceProvider _privacyFirst = null!;
    private ServiceProvider _wide = null!;
    private PixelPipeline _originalPipeline = null!;
    private PixelPipeline _privacyPipeline = null!;
    private PixelPipeline _widePipeline = null!;
    private PixelRequest _example = null!;
    private PixelRequest _hostile = null!;
    private PixelRequest _wideRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _original = Pixels.Original();
        _privacyFirst = Pixels.PrivacyFirst();
        _wide = Pixels.QueryFields(64);
        _originalPipeline = _original.Pipeline();
        _privacyPipeline = _privacyFirst.Pipeline();
        _widePipeline = _wide.Pipeline();
        _example = SampleRequests.OriginalExample();
        _hostile = SampleRequests.Hostile();
        _wideRequest = SampleRequests.WithQueryFields(64);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _original.Dispose();
        _privacyFirst.Dispose();
        _wide.Dispose();
    }

    /// <summary>The original's five fields for the original README's request.</summary>
    [Benchmark(Baseline = true)]
    public int OriginalFiveFields() => Collect(_originalPipeline, _example);

    /// <summary>
    /// The reference sample's privacy-first record (HMAC keyed id, classification, consent, masking).
    /// </summary>
    [Benchmark]
    public int PrivacyFirst() => Collect(_privacyPipeline, _example);

    /// <summary>
    /// Five fields from an 8 KiB hostile user agent and an invalid-UTF-8 query: escaping, replacement, truncation.
    /// </summary>
    [Benchmark]
    public int HostileInput() => Collect(_originalPipeline, _hostile);

    /// <summary>A 64-field record from 64 query parameters.</summary>
    [Benchmark]
    public int SixtyFourFields() => Collect(_widePipeline, _wideRequest);

    private static int Collect(PixelPipeline pipeline, PixelRequest request)
    {
        using var record = pipeline.Collect(request);
        return record!.Data.Length;
    }
}
