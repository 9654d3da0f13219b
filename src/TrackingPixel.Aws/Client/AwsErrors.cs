namespace TrackingPixel.Aws;

/// <summary>Which AWS errors are worth retrying.</summary>
/// <remarks>The retryable set follows botocore's standard retry mode (<c>retries/standard.py</c>,
/// <c>_retry.json</c>).</remarks>
internal static class AwsErrors
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException", "ServiceUnavailableException",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError",
        "ServiceUnavailable",
    };

    public static bool IsThrottling(string code, int status) => status == 429 || status == 503 || Throttling.Contains(code);

    public static bool IsRetryable(string code, int status) =>
        status >= 500 || IsThrottling(code, status) || Transient.Contains(code);
}
