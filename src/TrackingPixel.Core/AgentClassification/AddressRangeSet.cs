using System.Buffers.Binary;
using System.Net;
using System.Numerics;
using System.Net.Sockets;

namespace TrackingPixel;

/// <summary>
/// A set of IPv4 and IPv6 CIDR ranges, sorted and merged, matched by binary search without allocating.
/// </summary>
/// <remarks>
/// Apple's relay list has hundreds of thousands of ranges, so each family is kept as parallel arrays of range starts
/// and ends (IPv6 as <see cref="UInt128"/>) plus the first range's prefix length, from which a match's CIDR text is
/// made only when it is written. Overlapping ranges are merged under the first one's CIDR. Immutable, so thread-safe.
/// </remarks>
internal sealed class AddressRangeSet
{
    private readonly Family<uint> _v4;
    private readonly Family<UInt128> _v6;

    private AddressRangeSet(Family<uint> v4, Family<UInt128> v6)
    {
        _v4 = v4;
        _v6 = v6;
    }

    public static AddressRangeSet Empty { get; } = Build([], []);

    public int Count => _v4.Starts.Length + _v6.Starts.Length;

    public static AddressRangeSet Build(
        IEnumerable<(uint Start, byte Prefix)> v4,
        IEnumerable<(UInt128 Start, byte Prefix)> v6) =>
        new(Family<uint>.Build(v4, 32), Family<UInt128>.Build(v6, 128));

    /// <summary>Returns the CIDR of the range holding <paramref name="address"/>, or <see langword="null"/>.</summary>
    public string? Match(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out _))
        {
            return null;
        }

        return address.AddressFamily == AddressFamily.InterNetwork
            ? _v4.Match(BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[..4])
            : _v6.Match(BinaryPrimitives.ReadUInt128BigEndian(bytes), bytes);
    }

    private sealed class Family<T>
        where T : struct, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        private Family(T[] starts, T[] ends, byte[] prefixes)
        {
            Starts = starts;
            Ends = ends;
            Prefixes = prefixes;
        }

        public T[] Starts { get; }

        public T[] Ends { get; }

        public byte[] Prefixes { get; }

        public static Family<T> Build(IEnumerable<(T Start, byte Prefix)> ranges, int bits)
        {
            var sorted = ranges.Select(r => (Start: Network(r.Start, r.Prefix, bits), r.Prefix))
                .OrderBy(r => r.Start).ThenBy(r => r.Prefix).ToList();
            var starts = new List<T>(sorted.Count);
            var ends = new List<T>(sorted.Count);
            var prefixes = new List<byte>(sorted.Count);
            foreach (var (start, prefix) in sorted)
            {
                var end = start | HostMask(prefix, bits);
                if (starts.Count > 0 && start <= ends[^1])
                {
                    ends[^1] = T.Max(ends[^1], end);
                    continue;
                }

                starts.Add(start);
                ends.Add(end);
                prefixes.Add(prefix);
            }

            return new Family<T>([.. starts], [.. ends], [.. prefixes]);
        }

        public string? Match(T value, ReadOnlySpan<byte> addressBytes)
        {
            // The last range starting at or before the value is the only one that can hold it: ranges do not overlap.
            var index = Array.BinarySearch(Starts, value);
            if (index < 0)
            {
                index = ~index - 1;
            }

            if (index < 0 || value > Ends[index])
            {
                return null;
            }

            Span<byte> network = stackalloc byte[addressBytes.Length];
            if (addressBytes.Length == 4)
            {
                BinaryPrimitives.WriteUInt32BigEndian(network, uint.CreateTruncating(Starts[index]));
            }
            else
            {
                BinaryPrimitives.WriteUInt128BigEndian(network, UInt128.CreateTruncating(Starts[index]));
            }

            return $"{new IPAddress(network)}/{Prefixes[index]}";
        }

        private static T HostMask(byte prefix, int bits) =>
            prefix >= bits ? T.Zero : (T.One << (bits - prefix)) - T.One;

        private static T Network(T start, byte prefix, int bits) => start & ~HostMask(prefix, bits);
    }
}
