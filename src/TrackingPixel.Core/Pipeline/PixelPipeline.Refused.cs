namespace TrackingPixel;

public sealed partial class PixelPipeline
{
    /// <summary>Counts and logs a request a front end answered without building a record.</summary>
    /// <param name="requestId">The request's id, for the log line.</param>
    /// <param name="reason">Why it was refused, for the log line; never the request's own content.</param>
    /// <remarks>
    /// For requests refused before the pipeline sees them: a beacon body over <see cref="BeaconOptions.MaxBodyBytes"/>
    /// or unreadable, a click link that does not verify. They show on <c>trackingpixel.requests.refused</c>, so a
    /// flood of oversized beacons or forged links is visible on the meter and not only in the logs.
    /// </remarks>
    public void ReportRefused(string? requestId, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Metrics.OnRefused();
        Log.Refused(_logger, requestId, reason);
    }
}
