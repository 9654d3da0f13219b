namespace TrackingPixel;

/// <summary>
/// The built-in relay range file: the format only, no ranges, because Apple's list changes and is large.
/// </summary>
internal static class DefaultRelayRanges
{
    public const string Source = "built-in relay ranges";

    public const string Text = """
        # Privacy-relay address ranges: one IPv4 or IPv6 CIDR (or single address) per line; further comma-separated
        # columns are ignored, so Apple's iCloud Private Relay egress list can be used as downloaded:
        #   curl -o egress-ip-ranges.csv https://mask-api.icloud.com/egress-ip-ranges.csv
        # and set AgentClassificationOptions.RelayRangesFile to its path. Apple Mail Privacy Protection fetches images
        # through the same relay. Example lines:
        #   172.224.226.0/27,GB,GB-EN,London,
        #   2a02:26f7:b3c0:4000::/64,GB,GB-EN,London,
        """;
}
