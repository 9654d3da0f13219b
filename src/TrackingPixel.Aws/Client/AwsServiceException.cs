namespace TrackingPixel.Aws;

/// <summary>
/// An AWS service answered with an error; <see cref="IsRetryable"/> says whether sending again can help.
/// </summary>
internal sealed class AwsServiceException : Exception
{
    public AwsServiceException()
    {
    }

    public AwsServiceException(string message)
        : base(message)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AwsServiceException(string message, string errorCode, int statusCode, string? requestId)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>Gets the AWS error code, such as <c>ServiceUnavailableException</c>.</summary>
    public string ErrorCode { get; } = "";

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the <c>x-amzn-RequestId</c> of the failed call, for AWS support.</summary>
    public string? RequestId { get; }

    public bool IsRetryable => AwsErrors.IsRetryable(ErrorCode, StatusCode);

    public bool IsThrottling => AwsErrors.IsThrottling(ErrorCode, StatusCode);
}
