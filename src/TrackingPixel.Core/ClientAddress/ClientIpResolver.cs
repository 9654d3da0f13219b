using System.Net;
using System.Net.Sockets;

namespace TrackingPixel;

/// <summary>Applies <see cref="ClientIpOptions"/> to a request and validates the address it picks.</summary>
internal sealed class ClientIpResolver(ClientIpOptions options)
{
    /// <summary>Picks and validates the client address of a request.</summary>
    /// <remarks>
    /// Extractors call it through <see cref="RecordBuilder.ClientAddress"/>, which resolves once per request.
    /// </remarks>
    public ResolvedClientAddress Resolve(PixelRequest request)
    {
        if (options.TrustedProxyCount > 0
            && request.Headers.TryGetValue(options.ForwardedForHeader, out var forwarded)
            && TryTakeFromRight(forwarded, options.TrustedProxyCount, out var entry))
        {
            return Parse(IsViewerAddress(options.ForwardedForHeader) ? WithoutPort(entry) : entry, source: null);
        }

        // A configured proxy chain that the header does not show means the request did not come through it:
        // fall back to what the platform saw rather than trust a shorter, possibly client-written, header.
        var shortChain = options.TrustedProxyCount > 0;
        var peer = request.PeerAddress;
        if (peer is null)
        {
            return new ResolvedClientAddress(
                null,
                null,
                shortChain ? "forwarding header missing or shorter than the trusted proxy count" : null);
        }

        var resolved = Parse(peer.AsSpan(), source: peer);
        return shortChain && resolved.Problem is null
            ? resolved with { Problem = "forwarding header missing or shorter than the trusted proxy count" }
            : resolved;
    }

    // CloudFront writes "address:port" with IPv6 unbracketed ("2001:db8::1:46532"), so the port cannot be told from the
    // address by its form: for this header the last colon always starts the port.
    private static bool IsViewerAddress(string header) =>
        string.Equals(header, "CloudFront-Viewer-Address", StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> WithoutPort(ReadOnlySpan<char> entry)
    {
        var colon = entry.LastIndexOf(':');
        return colon > 0 ? entry[..colon] : entry;
    }

    private static bool TryTakeFromRight(string header, int position, out ReadOnlySpan<char> entry)
    {
        var span = header.AsSpan();
        for (var seen = 1; ; seen++)
        {
            var comma = span.LastIndexOf(',');
            if (seen == position)
            {
                entry = span[(comma + 1)..];
                return true;
            }

            if (comma < 0)
            {
                entry = default;
                return false;
            }

            span = span[..comma];
        }
    }

    /// <summary>Parses one address strictly: dotted-quad IPv4 or IPv6, an optional port or brackets removed.</summary>
    internal static ResolvedClientAddress Parse(ReadOnlySpan<char> text, string? source)
    {
        text = text.Trim();
        if (text.Length > 64)
        {
            return new ResolvedClientAddress(null, null, "address too long");
        }

        var candidate = Unwrap(text);
        if (!IsPlausible(candidate) || !IPAddress.TryParse(candidate, out var address))
        {
            return new ResolvedClientAddress(null, null, "not an IPv4 or IPv6 address");
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            // A zone index ("%eth0") names an interface on the sender's machine, not part of the client's address.
            address.ScopeId = 0;
        }

        Span<char> canonical = stackalloc char[64];
        address.TryFormat(canonical, out var written);

        // The platform's sourceIp is almost always canonical already: reuse it instead of allocating a copy.
        var textForm =
            source is not null && canonical[..written].SequenceEqual(source) ? source : canonical[..written].ToString();
        return new ResolvedClientAddress(address, textForm, null);
    }

    /// <summary>
    /// Removes brackets and a port; anything else around the address is left in place, so parsing fails.
    /// </summary>
    private static ReadOnlySpan<char> Unwrap(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] == '[')
        {
            var close = text.IndexOf(']');
            // Anything else after the bracket is rejected here: IPAddress.TryParse would accept "[::1]:" as ::1.
            return close > 0 && IsPortSuffix(text[(close + 1)..]) ? text[1..close] : [];
        }

        // "1.2.3.4:5678": one colon means an IPv4 address with a port; IPv6 has at least two.
        var colon = text.IndexOf(':');
        return colon > 0 && text.LastIndexOf(':') == colon && IsPortSuffix(text[colon..]) ? text[..colon] : text;
    }

    private static bool IsPortSuffix(ReadOnlySpan<char> text) =>
        text.IsEmpty
        || (text.Length is >= 2 and <= 6 && text[0] == ':' && !text[1..].ContainsAnyExceptInRange('0', '9'));

    /// <summary>
    /// Rejects forms <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/> accepts but no platform
    /// sends, like <c>"1"</c>, <c>"0x7f.1"</c> or <c>"010.0.0.1"</c>.
    /// </summary>
    private static bool IsPlausible(ReadOnlySpan<char> text)
    {
        if (text.Contains(':'))
        {
            return true;
        }

        var parts = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text[..dot];
            // A leading zero ("010") is octal to some parsers and decimal to others: the value would be a guess.
            if (part.Length is 0 or > 3 || part.ContainsAnyExceptInRange('0', '9')
                || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            parts++;
            if (dot < 0)
            {
                break;
            }

            text = text[(dot + 1)..];
        }

        return parts == 4;
    }
}
