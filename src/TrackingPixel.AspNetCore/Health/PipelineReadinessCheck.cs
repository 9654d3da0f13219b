using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrackingPixel.Publishing;

namespace TrackingPixel.AspNetCore;

/// <summary>Readiness: the publisher could publish now, and no record has been lost in the last minute.</summary>
/// <remarks>
/// A lost record means the publisher and the undelivered-record sink both failed; an instance in that state should be
/// taken out of service, so it reads unhealthy until a minute passes without a new loss.
/// </remarks>
internal sealed class PipelineReadinessCheck(
    PixelPipeline pipeline, IRecordPublisher publisher, TimeProvider time) : IHealthCheck
{
    internal static readonly TimeSpan LossWindow = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private long _lostSeen;
    private DateTimeOffset? _lastLoss;

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lost = pipeline.Metrics.RecordsLost;
        var now = time.GetUtcNow();
        DateTimeOffset? lastLoss;
        lock (_gate)
        {
            if (lost > _lostSeen)
            {
                _lostSeen = lost;
                _lastLoss = now;
            }

            lastLoss = _lastLoss;
        }

        if (lastLoss is { } at && now - at < LossWindow)
        {
            return HealthCheckResult.Unhealthy(
                $"{lost} record(s) lost: neither the publisher nor the undelivered-record sink kept them (last at " +
                    $"{at:O}).");
        }

        if (publisher is IPublisherReadiness readiness
            && await readiness.CheckReadinessAsync(cancellationToken).ConfigureAwait(false) is { } problem)
        {
            return HealthCheckResult.Unhealthy($"The publisher is not ready: {problem}");
        }

        return HealthCheckResult.Healthy(
            lost > 0 ? $"{lost} record(s) lost since start, none in the last minute." : null);
    }
}
