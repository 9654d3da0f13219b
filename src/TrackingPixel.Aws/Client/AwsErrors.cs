namespace TrackingPixel.Aws;

/// <summary>The one place that decides what an AWS error means for the records of a call.</summary>
/// <remarks>The retryable set follows botocore's standard retry mode (<c>retries/standard.py</c>,
/// <c>_retry.json</c>).</remarks>
internal static class AwsErrors
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException", "ServiceUnavailableException", "KMSThrottlingException",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError",
        "ServiceUnavailable",
    };

    // Errors about this request's content, not the configuration: other batches of the same call may still succeed.
    private static readonly HashSet<string> RequestSpecific = new(StringComparer.Ordinal)
    {
        "InvalidArgumentException", "ValidationException",
    };

    // Per-entry errors no retry fixes (Kinesis PutRecords reports KMS key problems per record).
    private static readonly HashSet<string> PermanentEntry = new(StringComparer.Ordinal)
    {
        "KMSAccessDeniedException", "KMSDisabledException", "KMSInvalidStateException", "KMSNotFoundException",
        "KMSOptInRequired", "InvalidArgumentException", "ValidationException",
    };

    public static bool IsThrottling(string code, int status) =>
        status == 429 || status == 503 || Throttling.Contains(code);

    public static bool IsRetryable(string code, int status) =>
        status >= 500 || IsThrottling(code, status) || Transient.Contains(code);

    /// <summary>Classifies an attempt that threw.</summary>
    /// <param name="exception">What the attempt threw.</param>
    /// <param name="cancelled">Whether the attempt's token (the caller's or the publisher's time) was cancelled.
    /// </param>
    /// <param name="advise">Turns a service error no retry fixes into what the operator should fix.</param>
    public static AwsOutcome Classify(Exception exception, bool cancelled, Func<AwsServiceException, string> advise)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(advise);
        return exception switch
        {
            OperationCanceledException when cancelled => new(AwsDecision.GiveUp, null),
            AwsServiceException { IsRetryable: true } service =>
                new(AwsDecision.Retry, service.Message, service.IsThrottling),
            AwsServiceException service when RequestSpecific.Contains(service.ErrorCode) =>
                new(AwsDecision.GiveUp, advise(service)),
            AwsServiceException service => new(AwsDecision.FailFast, advise(service)),
            CredentialsException { IsTransient: false } credentials => new(AwsDecision.FailFast, credentials.Message),
            CredentialsException credentials => new(AwsDecision.Retry, credentials.Message),
            HttpRequestException connection => new(AwsDecision.Retry, $"the connection failed ({connection.Message})"),
            TimeoutException or IOException => new(AwsDecision.Retry, exception.Message),

            // A bug, not a service answer: give up on these records only, so records already delivered are not kept
            // twice and the rest of the call still goes.
            _ => new(AwsDecision.GiveUp, $"unexpected {exception.GetType().Name}: {exception.Message}"),
        };
    }

    /// <summary>Classifies one entry a batch call reported as failed.</summary>
    public static AwsOutcome ClassifyEntry(string code) =>
        PermanentEntry.Contains(code)
            ? new(AwsDecision.GiveUp, $"the service refused the entry ({code})")
            : new(AwsDecision.Retry, code, IsThrottling(code, 0));
}
