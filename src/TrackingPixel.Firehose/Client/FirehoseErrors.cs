namespace TrackingPixel.Firehose.Client;

/// <summary>What to tell the operator about a Firehose error that is not retried.</summary>
internal static class FirehoseErrors
{
    /// <summary>What to fix for an error that is not retried.</summary>
    public static string Advice(string code, string stream, string region) => code switch
    {
        "ResourceNotFoundException" =>
            $"Delivery stream '{stream}' does not exist or is not ACTIVE in {region}: check DeliveryStreamName and " +
                "the region.",
        "InvalidArgumentException" =>
            "Firehose rejected the request as invalid: check DeliveryStreamName and the record sizes.",
        "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" or "UnrecognizedClientException"
            or "InvalidClientTokenId" =>
            $"Access denied: the role needs firehose:PutRecord and firehose:PutRecordBatch on the stream '{stream}' " +
                $"in {region}, and the access key must be valid.",
        "InvalidSignatureException" or "SignatureDoesNotMatch" or "IncompleteSignature" =>
            "The request signature was rejected: check the secret access key matches the access key id, and the " +
                "region.",
        "ExpiredTokenException" or "ExpiredToken" or "RequestExpired" or "InvalidSecurity" =>
            "The credentials or the request timestamp expired: refresh the session token, and check the system clock " +
                "is within 5 minutes of UTC.",
        "InvalidKMSResourceException" =>
            $"The KMS key of stream '{stream}' cannot be used: check the key's state and the stream's encryption " +
                "settings.",
        _ => "Firehose rejected the request; it is not retried.",
    };
}
