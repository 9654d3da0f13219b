namespace TrackingPixel.Publishing;

/// <summary>
/// Sends finished records to where they are stored: a local file, Amazon Data Firehose, or your own sink.
/// </summary>
/// <remarks>
/// Each record is one UTF-8 JSON object followed by <c>"\n"</c>; store or send the bytes as given. The memory is only
/// valid until the returned task completes, so copy what you keep. Failures propagate: throw when a record was not
/// accepted, a <see cref="RecordPublishException"/> when only some of a batch were, and the pipeline hands the
/// undelivered records to the <see cref="IUndeliveredRecordSink"/> so none is lost. Calls may arrive concurrently: the
/// pipeline's batching spine groups concurrent records into one call while one is in flight, and starts another call
/// next to it when a batch is full or has lingered, never giving one call more than <see cref="Limits"/>; a batch of
/// one record comes through the single-record overload. A caller that publishes its own list
/// (<c>PixelPipeline.PublishAsync(IReadOnlyList&lt;PixelRecord&gt;, CancellationToken)</c>) passes it whole, so split
/// larger lists yourself.
/// </remarks>
public interface IRecordPublisher
{
    /// <summary>Gets the most one call takes; the pipeline cuts its batches to fit.</summary>
    /// <value>Defaults to <see cref="PublisherLimits.Default"/>; state your sink's own limits.</value>
    PublisherLimits Limits => PublisherLimits.Default;

    /// <summary>Publishes one record.</summary>
    /// <param name="record">The record's bytes, newline included.</param>
    /// <param name="cancellationToken">
    /// Cancelled when the time for publishing (in Lambda, the invocation) runs out.
    /// </param>
    /// <returns>A task that completes once the record is accepted.</returns>
    ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken);

    /// <summary>Publishes several records, in order.</summary>
    /// <param name="records">The records' bytes, each newline-terminated.</param>
    /// <param name="cancellationToken">Cancelled when the time for publishing runs out.</param>
    /// <returns>A task that completes once every record is accepted.</returns>
    ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken);
}
