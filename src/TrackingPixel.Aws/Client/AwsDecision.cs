namespace TrackingPixel.Aws;

/// <summary>What a sink does after one attempt went wrong.</summary>
internal enum AwsDecision
{
    /// <summary>Send the same records again after a backoff: the error is transient or the outcome unknown.</summary>
    Retry,

    /// <summary>Stop sending these records and report them as undelivered; the rest of the call goes on.</summary>
    GiveUp,

    /// <summary>
    /// Stop the whole call: no retry and no other batch can succeed until the configuration is fixed.
    /// </summary>
    FailFast,
}
