using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TrackingPixel;

/// <summary>
/// Reads a relay range file: one CIDR or address per line, extra comma-separated columns ignored, as in Apple's
/// <c>egress-ip-ranges.csv</c>.
/// </summary>
internal static class AddressRangeParser
{
    public static AddressRangeSet Parse(TextReader reader, string source)
    {
        var v4 = new List<(uint, byte)>();
        var v6 = new List<(UInt128, byte)>();
        var number = 0;
        Span<byte> bytes = stackalloc byte[16];
        while (reader.ReadLine() is { } rawLine)
        {
            number++;
            var line = AgentRuleParser.StripComment(rawLine);
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var cidr = (comma >= 0 ? line[..comma] : line).Trim();
            if (cidr.Length == 0)
            {
                continue;
            }

            if (!TryParse(cidr, out var address, out var prefix))
            {
                throw new FormatException(
                    $"{source} line {number}: expected an IPv4 or IPv6 range such as 192.0.2.0/24 or 2001:db8::/32.");
            }

            address.TryWriteBytes(bytes, out _);
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                v4.Add((BinaryPrimitives.ReadUInt32BigEndian(bytes), prefix));
            }
            else
            {
                v6.Add((BinaryPrimitives.ReadUInt128BigEndian(bytes), prefix));
            }
        }

        return AddressRangeSet.Build(v4, v6);
    }

    internal static bool TryParse(string cidr, out IPAddress address, out byte prefix)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var text = slash >= 0 ? cidr[..slash] : cidr;
        if (!IPAddress.TryParse(text, out address!)
            || (address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3))
        {
            prefix = 0;
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
        {
            prefix = (byte)bits;
            return true;
        }

        var ok = byte.TryParse(cidr.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
            && prefix <= bits;
        return ok;
    }
}
