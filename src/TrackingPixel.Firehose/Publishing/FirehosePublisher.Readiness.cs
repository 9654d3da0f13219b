using TrackingPixel.Aws;
using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Publishing;

internal sealed partial class FirehosePublisher : IPublisherReadiness
{
    /// <summary>Ready when credentials can be obtained: without them no request to Firehose can be signed.</summary>
    public async ValueTask<string?> CheckReadinessAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (CredentialsException exception)
        {
            return $"no AWS credentials: {exception.Message}";
        }
    }
}
