using Microsoft.Extensions.Logging;
using TrackingPixel.Publishing;

namespace TrackingPixel;

/// <summary>
/// Turns a <see cref="PixelRequest"/> into a record with the configured extractors and publishes it; every front end
/// calls this.
/// </summary>
/// <remarks>
/// Nothing a request carries can make the pipeline throw: one failing extractor is isolated, logged and counted, and a
/// record that the publisher does not accept is written whole to the <see cref="IUndeliveredRecordSink"/>. Front ends
/// serve the pixel whatever happens here. Records are published through the batching spine, so concurrent requests
/// share publisher calls. Thread-safe; resolve it once from dependency injection, which disposes it (draining the
/// spine) before the publisher.
/// </remarks>
public sealed partial class PixelPipeline
{
    private readonly IFieldExtractor[] _extractors;
    private readonly IRecordPolicy[] _policies;
    private readonly RecordBatcher _batcher;
    private readonly ILogger _logger;
    private readonly ScratchPool _scratch;

    internal PixelPipeline(
        IEnumerable<IFieldExtractor> extractors,
        IEnumerable<IRecordPolicy> policies,
        TrackingPixelOptions options,
        IRecordPublisher publisher,
        IUndeliveredRecordSink undelivered,
        TrackingPixelMetrics metrics,
        TimeProvider time,
        ILogger<PixelPipeline> logger)
    {
        _extractors = [.. extractors];
        if (_extractors.Length == 0)
        {
            throw new InvalidOperationException(
                "TrackingPixel has no fields to record. " +
                "Call AddStandardFields(), AddQueryField(...), AddHeaderField(...) " +
                "or AddExtractor<T>() on the builder returned by AddTrackingPixel().");
        }

        _policies = [.. policies];
        _logger = logger;
        Metrics = metrics;
        _batcher = new RecordBatcher(publisher, undelivered, options.Batching, metrics, time, logger);
        _scratch = new ScratchPool(options);
    }

    /// <summary>Describes the records this pipeline produces, for a JSON Schema or an Athena table.</summary>
    /// <returns>The schema of the configured extractors' fields, in record order.</returns>
    public RecordSchema DescribeRecord() => new(_extractors.SelectMany(e => e.DescribeFields()));

    /// <summary>Gets the pipeline's counters.</summary>
    public TrackingPixelMetrics Metrics { get; }

    /// <summary>Builds the record for a request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The record, which the caller disposes; <see langword="null"/> when an extractor discarded the request
    /// or writing failed.</returns>
    public PixelRecord? Collect(PixelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scratch = _scratch.Rent();
        var reusable = true;
        try
        {
            var builder = scratch.Builder;
            builder.Reset();
            if (request.Body.Problem is { } bodyProblem)
            {
                builder.ReportInputProblem("body", bodyProblem);
            }

            foreach (var extractor in _extractors)
            {
                Run(extractor, static (e, r, b) => e.Extract(r, b), request, builder);
            }

            foreach (var policy in _policies)
            {
                Run(policy, static (p, r, b) => p.Apply(r, b), request, builder);
            }

            if (builder.IsDiscarded)
            {
                Metrics.OnDiscarded();
                return null;
            }

            var record = scratch.Writer.Write(builder);
            ReportProblems(builder, scratch.Writer.InvalidTextReplaced, request.RequestId);
            Metrics.OnCollected(record.TruncatedFields);
            return record;
        }
        catch (Exception exception)
        {
            // Only a bug gets here; drop the scratch in case it was left half-written.
            reusable = false;
            Metrics.OnFailed();
            Log.RecordFailed(_logger, request.RequestId, exception);
            return null;
        }
        finally
        {
            if (reusable)
            {
                _scratch.Return(scratch);
            }
        }
    }

    /// <summary>Collects and publishes the record for a request in one call, as a self-hosted endpoint does.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Bounds the time spent publishing.</param>
    /// <returns>A task that completes when the record is published, kept for replay, or discarded.</returns>
    public async ValueTask HandleAsync(PixelRequest request, CancellationToken cancellationToken)
    {
        using var record = Collect(request);
        if (record is not null)
        {
            await PublishAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Run<T>(
        T plugin, Action<T, PixelRequest, RecordBuilder> apply, PixelRequest request, RecordBuilder builder)
        where T : class
    {
        try
        {
            apply(plugin, request, builder);
        }
        catch (Exception exception)
        {
            Metrics.OnExtractorFailed();
            Log.ExtractorFailed(_logger, plugin.GetType().Name, exception);
        }
    }

    private void ReportProblems(RecordBuilder builder, int invalidText, string? requestId)
    {
        var problems = builder.Problems;
        var count = problems.Count + invalidText;
        if (count == 0)
        {
            return;
        }

        Metrics.OnInputProblems(count);
        foreach (var problem in problems)
        {
            Log.InputProblem(_logger, problem, requestId);
        }

        if (invalidText > 0)
        {
            Log.InputProblem(_logger, "text with invalid UTF-16 (lone surrogates), replaced by U+FFFD", requestId);
        }
    }
}
