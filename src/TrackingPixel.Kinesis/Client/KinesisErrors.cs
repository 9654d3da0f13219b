using TrackingPixel.Aws;

namespace TrackingPixel.Kinesis.Client;

/// <summary>What to tell the operator about a Kinesis error that is not retried; which errors are retried is
/// decided by the shared <see cref="AwsErrors"/>.</summary>
internal static class KinesisErrors
{
    /// <summary>What to fix for an error that is not retried.</summary>
    public static string Advice(string code, KinesisStream stream, string region) => code switch
    {
        "ResourceNotFoundException" =>
            $"Stream '{stream.Arn ?? stream.Name}' does not exist or is not ACTIVE in {region}: check the stream "
            + "and the region.",
        "ResourceInUseException" =>
            $"Stream '{stream.Name}' is being created, updated or deleted; try again when it is ACTIVE.",
        "InvalidArgumentException" or "ValidationException" =>
            "Kinesis rejected the request as invalid: check the stream name or ARN and the record sizes.",
        "AccessDeniedException" or "AccessDenied" or "UnrecognizedClientException" or "InvalidClientTokenId" =>
            $"Access denied: the role needs kinesis:PutRecords on stream '{stream.Arn ?? stream.Name}' in {region}, "
            + "and the access key must be valid.",
        "KMSAccessDeniedException" =>
            $"The role may not use the KMS key of stream '{stream.Name}': grant kms:GenerateDataKey on a customer key.",
        "KMSDisabledException" or "KMSInvalidStateException" or "KMSNotFoundException" or "KMSOptInRequired" =>
            $"The KMS key of stream '{stream.Name}' cannot be used ({code}): check the key's state and the "
            + "stream's encryption.",
        "InvalidSignatureException" or "SignatureDoesNotMatch" or "IncompleteSignature" =>
            "The request signature was rejected: check the secret access key matches the access key id, and the "
            + "region.",
        "ExpiredTokenException" or "ExpiredToken" or "RequestExpired" or "InvalidSecurity" =>
            "The credentials or the request timestamp expired: refresh the session token, and check the clock.",
        _ => "Kinesis rejected the request; it is not retried.",
    };
}
