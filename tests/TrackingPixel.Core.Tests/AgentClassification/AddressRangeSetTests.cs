using System.Net;

namespace TrackingPixel.Tests.AgentClassification;

public class AddressRangeSetTests
{
    [Fact]
    public void Match_GeneratedIpv4Ranges_AgreesWithALinearScan()
    {
        var random = new Random(42);
        var ranges = Enumerable.Range(0, 2_000)
            .Select(_ => ((uint)random.NextInt64(0, 1L << 32), (byte)random.Next(8, 33))).ToList();
        var set = AddressRangeSet.Build(ranges, []);

        for (var i = 0; i < 20_000; i++)
        {
            // Half the probes inside a generated range, half anywhere.
            var (start, prefix) = ranges[random.Next(ranges.Count)];
            var probe = i % 2 == 0
                ? (start & Mask(prefix)) + (uint)random.NextInt64(0, 1L << (32 - prefix))
                : (uint)random.NextInt64(0, 1L << 32);
            var expected = ranges.Any(r => (probe & Mask(r.Item2)) == (r.Item1 & Mask(r.Item2)));

            Assert.Equal(
                expected,
                set.Match(new IPAddress(BitConverter.GetBytes(probe).Reverse().ToArray())) is not null);
        }
    }

    [Fact]
    public void Match_GeneratedIpv6Ranges_AgreesWithALinearScan()
    {
        var random = new Random(7);
        var ranges = Enumerable.Range(0, 1_000).Select(_ => (Random128(random), (byte)random.Next(24, 129))).ToList();
        var set = AddressRangeSet.Build([], ranges);

        for (var i = 0; i < 10_000; i++)
        {
            var (start, prefix) = ranges[random.Next(ranges.Count)];
            var probe =
                i % 2 == 0 ? (start & Mask128(prefix)) | (Random128(random) & ~Mask128(prefix)) : Random128(random);
            var expected = ranges.Any(r => (probe & Mask128(r.Item2)) == (r.Item1 & Mask128(r.Item2)));

            var bytes = new byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, probe);
            Assert.Equal(expected, set.Match(new IPAddress(bytes)) is not null);
        }
    }

    [Fact]
    public void Parse_ListAsLargeAsApples_LoadsAndMatches()
    {
        // Apple's egress list has a few hundred thousand lines; generate one of that size, disjoint /28s and /64s.
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 150_000; i++)
        {
            text.Append(new IPAddress(BitConverter.GetBytes((uint)i << 4).Reverse().ToArray()))
                .Append("/28,US,US-CA,Los Angeles,\n");
            text.Append("2a02:")
                .Append((i >> 16).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(':')
                .Append((i & 0xFFFF).ToString("x", System.Globalization.CultureInfo.InvariantCulture))
                .Append("::/64,GB,GB-EN,London,\n");
        }

        var set = Parse(text.ToString());

        Assert.Equal(300_000, set.Count);
        Assert.Equal("0.9.39.192/28", set.Match(IPAddress.Parse("0.9.39.207")));
        Assert.Equal("0.9.39.208/28", set.Match(IPAddress.Parse("0.9.39.208")));
        Assert.Null(set.Match(IPAddress.Parse("0.36.159.0")));
        Assert.Equal("2a02:1:1::/64", set.Match(IPAddress.Parse("2a02:1:1::ffff")));
        Assert.Null(set.Match(IPAddress.Parse("2a02:3::1")));
    }

    [Fact]
    public void Match_AddressInRange_ReturnsItsCidr()
    {
        var set = Parse("172.224.226.0/27,GB,GB-EN,London,\n2a02:26f7:b3c0:4000::/64,GB,GB-EN,London,\n");

        Assert.Equal("172.224.226.0/27", set.Match(IPAddress.Parse("172.224.226.31")));
        Assert.Null(set.Match(IPAddress.Parse("172.224.226.32")));
        Assert.Equal("2a02:26f7:b3c0:4000::/64", set.Match(IPAddress.Parse("2a02:26f7:b3c0:4000:ffff::1")));
        Assert.Null(set.Match(IPAddress.Parse("2a02:26f7:b3c0:4001::1")));
    }

    [Fact]
    public void Match_OverlappingAndNestedRanges_AreMerged()
    {
        var set = Parse("10.0.0.0/8\n10.1.0.0/16\n10.255.255.255\n11.0.0.0/9\n");

        Assert.Equal(2, set.Count);
        Assert.Equal("10.0.0.0/8", set.Match(IPAddress.Parse("10.1.2.3")));
        Assert.Equal("11.0.0.0/9", set.Match(IPAddress.Parse("11.127.0.1")));
        Assert.Null(set.Match(IPAddress.Parse("11.128.0.1")));
    }

    [Fact]
    public void Parse_HostBitsSet_UsesTheNetwork()
    {
        var set = Parse("192.0.2.77/24");

        Assert.Equal("192.0.2.0/24", set.Match(IPAddress.Parse("192.0.2.1")));
    }

    [Theory]
    [InlineData("192.0.2.0/33")]
    [InlineData("2001:db8::/129")]
    [InlineData("not-a-range")]
    [InlineData("10.1/16")]
    [InlineData("192.0.2.0/-1")]
    public void Parse_BadLine_NamesTheFileAndLine(string line)
    {
        var error = Assert.Throws<FormatException>(() => Parse("# header\n192.0.2.0/24\n" + line));

        Assert.StartsWith("ranges.csv line 3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BuiltInFile_HasNoRanges()
    {
        Assert.Equal(0, Parse(DefaultRelayRanges.Text).Count);
    }

    private static AddressRangeSet Parse(string text) => AddressRangeParser.Parse(new StringReader(text), "ranges.csv");

    private static uint Mask(byte prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);

    private static UInt128 Mask128(byte prefix) => prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefix);

    private static UInt128 Random128(Random random) => new(
        (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63),
        (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63));
}
