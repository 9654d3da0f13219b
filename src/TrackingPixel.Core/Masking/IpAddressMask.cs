using System.Net;
using System.Net.Sockets;

namespace TrackingPixel;

/// <summary>Zeroes the host bits of an address.</summary>
internal static class IpAddressMask
{
    /// <summary>
    /// Returns the canonical text of <paramref name="address"/> with only its network prefix kept: the IPv4 or IPv6
    /// prefix length, by family.
    /// </summary>
    public static string Apply(IPAddress address, int ipv4PrefixLength, int ipv6PrefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        bytes = bytes[..length];
        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? ipv4PrefixLength : ipv6PrefixLength;
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        Span<char> text = stackalloc char[64];
        new IPAddress(bytes).TryFormat(text, out var written);
        return text[..written].ToString();
    }
}
