using TrackingPixel.Publishing;

namespace TrackingPixel.Kinesis.Publishing;

internal sealed partial class KinesisPublisher : IPublisherReadiness
{
    /// <summary>Ready when credentials can be obtained: without them no request to Kinesis can be signed.</summary>
    public ValueTask<string?> CheckReadinessAsync(CancellationToken cancellationToken) =>
        _client.CheckCredentialsAsync(cancellationToken);
}
