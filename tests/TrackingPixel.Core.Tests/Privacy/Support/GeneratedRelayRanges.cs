using System.Net;
using System.Text;

namespace TrackingPixel.Tests.Privacy.Support;

/// <summary>
/// Writes a relay range file in Apple's <c>egress-ip-ranges.csv</c> format, with ranges from a fixed seed.
/// </summary>
public sealed class GeneratedRelayRanges : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trackingpixel-relay-").FullName;

    public GeneratedRelayRanges(int count = 500, int seed = 2021)
    {
        var random = new Random(seed);
        var text = new StringBuilder("# generated for tests: prefix,country,region,city,\n");
        for (var i = 0; i < count; i++)
        {
            var v4 = new byte[4];
            random.NextBytes(v4);
            v4[3] = 0;
            text.Append(new IPAddress(v4)).Append("/24,GB,GB-EN,London,\n");

            var v6 = new byte[16];
            random.NextBytes(v6.AsSpan(0, 6));
            v6[0] = 0x2a;
            text.Append(new IPAddress(v6)).Append("/48,US,US-CA,Los Angeles,\n");
            if (i == count / 2)
            {
                SampleIpv4 = new IPAddress([v4[0], v4[1], v4[2], 77]).ToString();
            }
        }

        Path = System.IO.Path.Combine(_folder, "egress-ip-ranges.csv");
        File.WriteAllText(Path, text.ToString());
    }

    public string Path { get; }

    /// <summary>An address inside one of the generated IPv4 ranges.</summary>
    public string SampleIpv4 { get; } = string.Empty;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
