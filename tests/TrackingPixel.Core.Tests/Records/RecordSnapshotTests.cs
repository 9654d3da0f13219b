using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Testing;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Records;

/// <summary>
/// The exact bytes of representative records, compared with the reviewed files in <c>__snapshots__</c>.
/// </summary>
/// <remarks>See <see cref="RecordSnapshot"/> for how to update them.</remarks>
public class RecordSnapshotTests
{
    /// <summary>
    /// Quotes, backslashes, newlines, control characters, DEL, an emoji, and both kinds of lone surrogate.
    /// </summary>
    private static readonly string HostileUserAgent =
        "Mozilla/5.0 \"quoted\" back\\slash \\\" line1\nline2\r\n tab\t nul\0 bell\u0007 esc\u001b "
        + "del\u007f nbsp\u00a0 "
        + "ls\u2028 ps\u2029 emoji😀 high" + '\uD800' + " low" + '\uDC00' + " </script><script>alert(1)</script>";

    [Fact]
    public void Record_OriginalExampleRequest() => Match(Some.OriginalExampleRequest(), "original-example");

    [Fact]
    public void Record_NoQueryString() => Match(Some.Request(), "no-query-string");

    [Fact]
    public void Record_HostileUserAgentAndInvalidUtf8InTheQuery() => Match(
        Some.Request(
            "userid=%FF%FE%C3%28bad&thirdpartyname=%ED%A0%80%F0%9F%98%80%22%5C%0A%00",
            new() { ["User-Agent"] = HostileUserAgent }),
        "hostile-user-agent");

    [Fact]
    public void Record_TenKilobyteHeaderAndQueryValues_AreCutToTheFieldLimitAndListed() => Match(
        Some.Request(
            "userid=" + new string('u', 10_240) +
            "&thirdpartyname=" + string.Concat(Enumerable.Repeat("%C3%A9", 10_240)),
            new() { ["User-Agent"] = new string('A', 10_240) }),
        "ten-kilobyte-values");

    [Fact]
    public void Record_TenKilobyteValuesUnderASmallRecordCap_AreHalvedUntilTheRecordFits() => Match(
        Some.Request("userid=" + new string('u', 10_240), new() { ["User-Agent"] = new string('A', 10_240) }),
        "ten-kilobyte-values-small-cap",
        o =>
        {
            o.MaxFieldLength = 1_024_000;
            o.MaxRecordBytes = 1024;
        });

    [Fact]
    public void Record_RepeatedAndMalformedParameters() => Match(
        Some.Request("userid=%ZZ&userid=second&a=1&a=2&=x&&thirdpartyname=&plus=a+b%2Bc"),
        "repeated-and-malformed-parameters",
        configure: b => b.AddStandardFields()
            .AddQueryField("a", "a").AddField("allA", r => string.Join(",", r.Query.GetValues("a")))
            .AddQueryField("plus", "plus"));

    private static void Match(
        PixelRequest request,
        string name,
        Action<TrackingPixelOptions>? options = null,
        Action<ITrackingPixelBuilder>? configure = null)
    {
        using var host = PixelTestHost.Create(
            configure ?? (b => b.AddStandardFields()), options, new FixedClock(Some.Time));

        RecordSnapshot.Match(host.Record(request), name);
    }
}
