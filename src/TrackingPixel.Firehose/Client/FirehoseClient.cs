using TrackingPixel.Aws;

namespace TrackingPixel.Firehose.Client;

/// <summary>Sends PutRecord and PutRecordBatch calls through the shared AWS JSON 1.1 client.</summary>
/// <remarks>Thread-safe. One call is one HTTP attempt: retrying is the publisher's job; errors are those of
/// <see cref="AwsJsonClient"/>.</remarks>
internal sealed class FirehoseClient(AwsJsonClient client)
{
    public AwsEndpoint Endpoint => client.Endpoint;

    /// <summary>Checks that requests could be signed now, for the publisher's readiness check.</summary>
    public ValueTask<string?> CheckCredentialsAsync(CancellationToken cancellationToken) =>
        client.CheckCredentialsAsync(cancellationToken);

    /// <summary>Sends one record with PutRecord.</summary>
    public async Task PutRecordAsync(string stream, ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        using var body = new PooledBuffer(FirehoseRequestBody.SizeOf(record.Length) + FirehoseRequestBody.Overhead);
        FirehoseRequestBody.WritePutRecord(body, stream, record.Span);
        await client.SendAsync("Firehose_20150804.PutRecord", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the records at <paramref name="indices"/> with PutRecordBatch.</summary>
    /// <returns>Per entry sent, its error code or <see langword="null"/> when accepted; <see langword="null"/> when
    /// the answer was unreadable.</returns>
    public async Task<string?[]?> PutRecordBatchAsync(
        string stream,
        IReadOnlyList<ReadOnlyMemory<byte>> records,
        IReadOnlyList<int> indices,
        CancellationToken cancellationToken)
    {
        var size = FirehoseRequestBody.Overhead;
        foreach (var index in indices)
        {
            size += FirehoseRequestBody.SizeOf(records[index].Length);
        }

        using var body = new PooledBuffer(size);
        FirehoseRequestBody.WritePutRecordBatch(body, stream, records, indices);
        var answer = await client.SendAsync("Firehose_20150804.PutRecordBatch", body, cancellationToken)
            .ConfigureAwait(false);
        return FirehoseResponse.ReadBatch(answer, indices.Count);
    }
}
