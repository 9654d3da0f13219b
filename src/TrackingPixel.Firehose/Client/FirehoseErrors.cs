namespace TrackingPixel.Firehose.Client;

/// <summary>Which Firehose errors are worth retrying, and what to tell the operator about the others.</summary>
/// <remarks>The retryable set follows botocore's standard retry mode (<c>retries/standard.py</c>, <c>_retry.json</c>).</remarks>
internal static class FirehoseErrors
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException", "ServiceUnavailableException",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError", "ServiceUnavailable",
    };

    public static bool IsThrottling(string code, int status) => status == 429 || status == 503 || Throttling.Contains(code);

    public static bool IsRetryable(string code, int status) => status >= 500 || IsThrottling(code, status) || Transient.Contains(code);

    /// <summary>What to fix for an error that is not retried.</summary>
    public static string Advice(string code, string stream, string region) => code switch
    {
        "ResourceNotFoundException" => $"Delivery stream '{stream}' does not exist or is not ACTIVE in {region}: check DeliveryStreamName and the region.",
        "InvalidArgumentException" => "Firehose rejected the request as invalid: check DeliveryStreamName and the record sizes.",
        "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" or "UnrecognizedClientException" or "InvalidClientTokenId" =>
            $"Access denied: the role needs firehose:PutRecord and firehose:PutRecordBatch on the stream '{stream}' in {region}, and the access key must be valid.",
        "InvalidSignatureException" or "SignatureDoesNotMatch" or "IncompleteSignature" =>
            "The request signature was rejected: check the secret access key matches the access key id, and the region.",
        "ExpiredTokenException" or "ExpiredToken" or "RequestExpired" or "InvalidSecurity" =>
            "The credentials or the request timestamp expired: refresh the session token, and check the system clock is within 5 minutes of UTC.",
        "InvalidKMSResourceException" => $"The KMS key of stream '{stream}' cannot be used: check the key's state and the stream's encryption settings.",
        _ => "Firehose rejected the request; it is not retried.",
    };
}
