namespace TrackingPixel.Aws;

/// <summary>Works out a service's URL and signing region from its options and the standard AWS environment
/// variables.</summary>
/// <param name="Url">Where requests go.</param>
/// <param name="Region">The region requests are signed for.</param>
internal sealed record AwsEndpoint(Uri Url, string Region)
{
    /// <summary>Gets the region: the configured one, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>.</summary>
    public static string? RegionFrom(string? configured, IAwsEnvironment environment) =>
        configured is { Length: > 0 } region
            ? region
            : environment.Get("AWS_REGION") ?? environment.Get("AWS_DEFAULT_REGION");

    /// <summary>Gets the explicit endpoint: the configured one, else <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, else
    /// <c>AWS_ENDPOINT_URL</c>.</summary>
    public static string? ExplicitUrlFrom(AwsService service, Uri? configured, IAwsEnvironment environment) =>
        configured?.ToString() ?? environment.Get(service.EndpointVariable) ?? environment.Get("AWS_ENDPOINT_URL");

    /// <summary>Resolves the endpoint; the options win over the environment.</summary>
    /// <exception cref="InvalidOperationException">No region is configured.</exception>
    public static AwsEndpoint Resolve(
        AwsService service,
        string? region,
        Uri? endpointUrl,
        bool useFips,
        bool useDualStack,
        IAwsEnvironment environment)
    {
        var resolvedRegion = RegionFrom(region, environment)
            ?? throw new InvalidOperationException(
                $"No AWS region for {service.ServiceId}: set the publisher's Region option or AWS_REGION.");
        if (ExplicitUrlFrom(service, endpointUrl, environment) is { } url)
        {
            return new AwsEndpoint(new Uri(url, UriKind.Absolute), resolvedRegion);
        }

        var fips = useFips || IsTrue(environment.Get("AWS_USE_FIPS_ENDPOINT"));
        var dualStack = useDualStack || IsTrue(environment.Get("AWS_USE_DUALSTACK_ENDPOINT"));
        var host = HostFor(service, resolvedRegion, fips, dualStack);
        return new AwsEndpoint(new Uri($"https://{host}/"), resolvedRegion);
    }

    /// <summary>The host for a region: the service's prefix, <c>-fips</c> when asked, the region and its partition's
    /// (dual-stack) DNS suffix, as the SDKs' endpoint rules build it.</summary>
    /// <exception cref="InvalidOperationException">Dual-stack is asked for in a partition without it.</exception>
    public static string HostFor(AwsService service, string region, bool fips, bool dualStack)
    {
        var partition = AwsPartition.Of(region);
        var suffix = dualStack
            ? partition.DualStackDnsSuffix ?? throw new InvalidOperationException(
                $"Dual-stack endpoints are not available in region {region} (partition {partition.Id}): " +
                "turn UseDualStackEndpoint and AWS_USE_DUALSTACK_ENDPOINT off.")
            : partition.DnsSuffix;
        return $"{service.EndpointPrefix}{(fips ? "-fips" : "")}.{region}.{suffix}";
    }

    private static bool IsTrue(string? value) =>
        string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
