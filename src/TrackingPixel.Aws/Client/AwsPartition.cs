namespace TrackingPixel.Aws;

/// <summary>An AWS partition: the regions it holds and the DNS suffixes of its endpoints.</summary>
/// <param name="Id">The partition id, as in ARNs (<c>aws</c>, <c>aws-cn</c>, ...).</param>
/// <param name="RegionPrefixes">The prefixes of its region codes; the longest match wins.</param>
/// <param name="DnsSuffix">The suffix of its endpoints.</param>
/// <param name="DualStackDnsSuffix">The suffix of its dual-stack (IPv4 and IPv6) endpoints, or <see langword="null"/>
/// when it has none.</param>
internal sealed record AwsPartition(string Id, string[] RegionPrefixes, string DnsSuffix, string? DualStackDnsSuffix)
{
    // botocore's data/partitions.json (regionRegex, dnsSuffix, dualStackDnsSuffix, supportsDualStack); the ISO
    // partitions support FIPS but not dual-stack. The European Sovereign Cloud (aws-eusc) is from newer SDK releases.
    private static readonly AwsPartition[] All =
    [
        new("aws", ["us-", "eu-", "ap-", "sa-", "ca-", "me-", "af-", "il-", "mx-"], "amazonaws.com", "api.aws"),
        new("aws-cn", ["cn-"], "amazonaws.com.cn", "api.amazonwebservices.com.cn"),
        new("aws-us-gov", ["us-gov-"], "amazonaws.com", "api.aws"),
        new("aws-iso", ["us-iso-"], "c2s.ic.gov", null),
        new("aws-iso-b", ["us-isob-"], "sc2s.sgov.gov", null),
        new("aws-iso-e", ["eu-isoe-"], "cloud.adc-e.uk", null),
        new("aws-iso-f", ["us-isof-"], "csp.hci.ic.gov", null),
        new("aws-eusc", ["eusc-"], "amazonaws.eu", "api.amazonwebservices.eu"),
    ];

    /// <summary>Gets the partition of a region; a code no partition claims is taken to be in <c>aws</c>, as the SDKs'
    /// endpoint rules do.</summary>
    public static AwsPartition Of(string region)
    {
        var best = All[0];
        var bestLength = 0;
        foreach (var partition in All)
        {
            foreach (var prefix in partition.RegionPrefixes)
            {
                if (prefix.Length > bestLength && region.StartsWith(prefix, StringComparison.Ordinal))
                {
                    best = partition;
                    bestLength = prefix.Length;
                }
            }
        }

        return best;
    }
}
