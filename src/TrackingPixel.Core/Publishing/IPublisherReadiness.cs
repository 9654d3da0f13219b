namespace TrackingPixel.Publishing;

/// <summary>Implemented by a publisher that can tell, without publishing, whether it could publish now.</summary>
/// <remarks>
/// Readiness health checks call it: the file publisher checks its folder is writable, the Firehose and Kinesis
/// publishers that credentials can be obtained. It must be cheap, thread-safe, and never throw for an expected failure.
/// </remarks>
public interface IPublisherReadiness
{
    /// <summary>Checks whether the publisher could publish now.</summary>
    /// <param name="cancellationToken">Bounds the check.</param>
    /// <returns><see langword="null"/> when ready; otherwise what is wrong, for an operator.</returns>
    ValueTask<string?> CheckReadinessAsync(CancellationToken cancellationToken);
}
