using BenchmarkDotNet.Attributes;
using TrackingPixel.Aws;
using TrackingPixel.Benchmarks.Support;
using TrackingPixel.Firehose.Client;

namespace TrackingPixel.Benchmarks.Firehose;

/// <summary>Serialising a full PutRecordBatch body: 500 real records, base64 in JSON, into a pooled buffer.</summary>
[MemoryDiagnoser]
public class BatchBodyBenchmarks
{
    private const int BatchSize = 500;
    private ReadOnlyMemory<byte>[] _records = [];
    private int[] _indices = [];

    [GlobalSetup]
    public void Setup()
    {
        using var services = Pixels.PrivacyFirst();
        var pipeline = services.Pipeline();
        _records = new ReadOnlyMemory<byte>[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            using var record = pipeline.Collect(SampleRequests.OriginalExample())!;
            _records[i] = record.Data.ToArray();
        }

        _indices = Enumerable.Range(0, BatchSize).ToArray();
    }

    [Benchmark]
    public int PutRecordBatch500()
    {
        using var body = new PooledBuffer(
            FirehoseRequestBody.Overhead + (BatchSize * FirehoseRequestBody.SizeOf(_records[0].Length)));
        FirehoseRequestBody.WritePutRecordBatch(body, "tracking-pixel", _records, _indices);
        return body.Length;
    }
}
