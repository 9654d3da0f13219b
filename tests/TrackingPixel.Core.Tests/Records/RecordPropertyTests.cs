using System.Net;
using System.Text.Json;
using System.Text.Unicode;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Records;

/// <summary>
/// Generated hostile requests under generated (valid) limits: every one must give one bounded, valid JSON line.
/// </summary>
public class RecordPropertyTests
{
    private static readonly string[] ConfiguredFields =
    [
        FieldNames.Date, FieldNames.Ip, FieldNames.UserAgent, FieldNames.UserId, FieldNames.ThirdPartyId,
        "referer", "a", "queryLength",
    ];

    /// <summary>
    /// Any UTF-16 code unit, weighted towards the ones that break naive writers: surrogates, controls, escapes.
    /// </summary>
    private static readonly Gen<char> HostileChar = Gen.Frequency(
        (4, Gen.Char[(char)0x20, (char)0x7E]),
        (2, Gen.Char[(char)0, (char)0x1F]),
        (2, Gen.Char['\uD800', '\uDFFF']),
        (2, Gen.Char["\"\\%+&=#\u007F\u2028\u2029\uFFFE\uFFFF"]),
        (2, Gen.Char[(char)0, char.MaxValue]));

    private static readonly Gen<string> HostileString = Gen.Frequency(
        (8, Gen.String[HostileChar, 0, 64]),
        (2, Gen.String[HostileChar, 0, 2_000]),
        (1, Gen.String[HostileChar, 10_000, 40_000]));

    private static readonly Gen<string> QueryPart = Gen.Frequency(
        (3, HostileString),
        (2, Gen.Char["0123456789ABCDEFabcdefz%"].Array[0, 12].Select(c => new string(c))),
        (2, Gen.OneOf("userid", "thirdpartyname", "a", "%ZZ", "%FF", "%C3%28", "%ED%A0%80", "%F0%9F%98%80", "+", "",
            "%")));

    private static readonly Gen<string> Query = Gen.Frequency(
        (1, Gen.Const(string.Empty)),
        (6, Gen.Select(QueryPart, QueryPart, Gen.OneOf("&", "=", "&&", "=&")).Array[0, 8]
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + "=" + p.Item2 + p.Item3)))));

    private static readonly Gen<string?> Peer = Gen.Frequency(
        (3, Gen.OneOf<string?>(
            "203.0.113.7", "2001:db8::1", "[2001:db8::1]:443", "::ffff:10.0.0.1", "10.0.0.1:80", null)),
        (2, HostileString.Select(s => (string?)s)));

    private static readonly Gen<Dictionary<string, string>> Headers = Gen.Select(
        Gen.Select(
            Gen.OneOf("User-Agent", "user-agent", "Referer", "X-Forwarded-For", "X-Other"),
            HostileString).Array[0, 6],
        Gen.Bool).Select((pairs, spoof) =>
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string name, string value) in pairs)
            {
                headers[name] = value;
            }

            if (spoof)
            {
                headers["X-Forwarded-For"] = "6.6.6.6, not-an-ip, 198.51.100.1";
            }

            return headers;
        });

    private static readonly Gen<(int MaxField, int MaxRecord, string? Missing, int Proxies)> Limits = Gen.Select(
        Gen.Frequency((4, Gen.Int[16, 2_048]), (1, Gen.Int[16, 1_024_000])),
        Gen.Frequency((4, Gen.Int[1_024, 8_192]), (1, Gen.Int[1_024, 1_024_000])),
        Gen.Frequency(
            (3, Gen.Const((string?)"unknown")),
            (1, Gen.Const((string?)null)),
            (1, Gen.String[Gen.Char[(char)0, (char)0xD7FF], 0, 256].Select(s => (string?)s))),
        Gen.Int[0, 3]);

    [Fact]
    public void Collect_AnyHostileRequest_YieldsOneBoundedJsonLineWithEveryField()
    {
        Gen.Select(Query, Headers, Peer, Limits).Sample((query, headers, peer, limits) =>
        {
            using var services = Some.Services(
                b => b.AddStandardFields().AddHeaderField("referer", "Referer").AddQueryField("a", "a")
                      .AddField(
                          "queryLength",
                          r => r.RawQuery.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                o =>
                {
                    o.MaxFieldLength = limits.MaxField;
                    o.MaxRecordBytes = limits.MaxRecord;
                    o.MissingValue = limits.Missing;
                    o.ClientIp.TrustedProxyCount = limits.Proxies;
                });
            var request = new PixelRequest
            {
                RawQuery = query,
                Headers = RequestHeaders.FromDictionary(headers),
                PeerAddress = peer,
                Timestamp = Some.Time,
            };

            using var record = services.GetRequiredService<PixelPipeline>().Collect(request);

            Assert.NotNull(record);
            AssertValidLine(record.Data.Span, limits.MaxRecord, limits.Missing);
        }, iter: 500);
    }

    private static void AssertValidLine(ReadOnlySpan<byte> line, int maxRecordBytes, string? missing)
    {
        Assert.True(line.Length <= maxRecordBytes, $"{line.Length} bytes > {maxRecordBytes}");
        Assert.Equal(line.Length - 1, line.IndexOf((byte)'\n'));
        Assert.True(Utf8.IsValid(line));

        using var json = JsonDocument.Parse(line.ToArray());
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        var truncated = json.RootElement.TryGetProperty(FieldNames.Truncated, out var list)
            ? list.EnumerateArray().Select(e => e.GetString()).ToList()
            : [];
        foreach (var field in ConfiguredFields)
        {
            Assert.True(
                names.Contains(field) || truncated.Contains(field) || truncated.Contains("*"),
                $"{field} is neither present nor listed as truncated");
        }

        // The missing value, possibly cut to the field limit, is the one non-address ip allowed.
        if (json.RootElement.TryGetProperty(FieldNames.Ip, out var ip) && ip.ValueKind == JsonValueKind.String
            && !(ip.GetString() == missing
                || (truncated.Contains(FieldNames.Ip) && missing is not null
                    && missing.StartsWith(ip.GetString()!, StringComparison.Ordinal))))
        {
            var text = ip.GetString()!;
            Assert.True(
                IPAddress.TryParse(text, out var address) && address.ToString() == text,
                $"ip {text} is not a canonical address");
        }
    }
}
