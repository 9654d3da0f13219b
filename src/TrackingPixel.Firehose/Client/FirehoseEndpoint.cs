using TrackingPixel.Firehose.Credentials;

namespace TrackingPixel.Firehose.Client;

/// <summary>Works out the Firehose URL and signing region from the options and the standard AWS environment variables.</summary>
internal sealed record FirehoseEndpoint(Uri Url, string Region)
{
    /// <summary>Gets the region from the options, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>.</summary>
    public static string? RegionFrom(FirehosePublisherOptions options, IAwsEnvironment environment) =>
        options.Region is { Length: > 0 } region ? region : environment.Get("AWS_REGION") ?? environment.Get("AWS_DEFAULT_REGION");

    /// <summary>Gets the explicit endpoint: the option, else <c>AWS_ENDPOINT_URL_FIREHOSE</c>, else <c>AWS_ENDPOINT_URL</c>.</summary>
    public static string? ExplicitUrlFrom(FirehosePublisherOptions options, IAwsEnvironment environment) =>
        options.EndpointUrl?.ToString() ?? environment.Get("AWS_ENDPOINT_URL_FIREHOSE") ?? environment.Get("AWS_ENDPOINT_URL");

    public static FirehoseEndpoint Resolve(FirehosePublisherOptions options, IAwsEnvironment environment)
    {
        var region = RegionFrom(options, environment)
            ?? throw new InvalidOperationException("No AWS region: set FirehosePublisherOptions.Region or AWS_REGION.");
        if (ExplicitUrlFrom(options, environment) is { } url)
        {
            return new FirehoseEndpoint(new Uri(url, UriKind.Absolute), region);
        }

        var fips = options.UseFipsEndpoint || IsTrue(environment.Get("AWS_USE_FIPS_ENDPOINT"));
        var dualStack = options.UseDualStackEndpoint || IsTrue(environment.Get("AWS_USE_DUALSTACK_ENDPOINT"));
        return new FirehoseEndpoint(new Uri($"https://{HostFor(region, fips, dualStack)}/"), region);
    }

    /// <summary>The host for a region, following botocore's partitions: aws, aws-cn (<c>cn-*</c>) and aws-us-gov (<c>us-gov-*</c>).</summary>
    public static string HostFor(string region, bool fips, bool dualStack)
    {
        var china = region.StartsWith("cn-", StringComparison.Ordinal);
        var suffix = (china, dualStack) switch
        {
            (true, true) => "api.amazonwebservices.com.cn",
            (true, false) => "amazonaws.com.cn",
            (false, true) => "api.aws",
            (false, false) => "amazonaws.com",
        };
        return $"{(fips ? "firehose-fips" : "firehose")}.{region}.{suffix}";
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
