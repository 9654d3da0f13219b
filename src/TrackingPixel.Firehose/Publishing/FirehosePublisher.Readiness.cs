using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Publishing;

internal sealed partial class FirehosePublisher : IPublisherReadiness
{
    /// <summary>Ready when credentials can be obtained: without them no request to Firehose can be signed.</summary>
    public ValueTask<string?> CheckReadinessAsync(CancellationToken cancellationToken) =>
        _client.CheckCredentialsAsync(cancellationToken);
}
