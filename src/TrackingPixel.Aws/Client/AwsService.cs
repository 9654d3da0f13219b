namespace TrackingPixel.Aws;

/// <summary>An AWS service as endpoint resolution and signing see it.</summary>
/// <param name="ServiceId">
/// The SDK service id (<c>Firehose</c>, <c>Kinesis</c>), which names the endpoint variable.
/// </param>
/// <param name="EndpointPrefix">The first label of the service's host name, for example <c>firehose</c>.</param>
/// <param name="SigningName">The service name in the SigV4 credential scope.</param>
internal sealed record AwsService(string ServiceId, string EndpointPrefix, string SigningName)
{
    /// <summary>Gets Amazon Data Firehose.</summary>
    public static AwsService Firehose { get; } = new("Firehose", "firehose", "firehose");

    /// <summary>Gets Amazon Kinesis Data Streams.</summary>
    public static AwsService Kinesis { get; } = new("Kinesis", "kinesis", "kinesis");

    /// <summary>Gets AWS Security Token Service, which exchanges a web identity token for role credentials.</summary>
    public static AwsService Sts { get; } = new("STS", "sts", "sts");

    /// <summary>Gets the service-specific endpoint variable: <c>AWS_ENDPOINT_URL_</c> and the service id upper-cased,
    /// spaces as underscores, as the AWS SDKs define it.</summary>
    public string EndpointVariable { get; } =
        "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');
}
