using System.Text;

namespace TrackingPixel.Aws.Tests.Signing;

/// <summary>
/// Every copied case of AWS's SigV4 test suite: canonical request, string to sign and Authorization header.
/// </summary>
public sealed class SigV4TestSuiteTests
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string> Cases() =>
    [
        "get-vanilla",
        "post-vanilla",
        "post-x-www-form-urlencoded",
        "get-vanilla-query-order-key-case",
        "get-utf8",
        "post-sts-token/post-sts-header-before",
        "post-sts-token/post-sts-header-after",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_TestSuiteCase_MatchesEveryExpectedStep(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "SigV4TestSuite", name);
        var file = Path.Combine(folder, Path.GetFileName(name));
        var request = ParseRequest(File.ReadAllBytes(file + ".req"));
        var signer = new SigV4Signer("us-east-1", "service");

        var authorization = signer.Sign(request, AccessKeyId, Secret, Time, out var canonical, out var stringToSign);

        Assert.Equal(File.ReadAllText(file + ".creq"), canonical);
        Assert.Equal(File.ReadAllText(file + ".sts"), stringToSign);
        Assert.Equal(File.ReadAllText(file + ".authz"), authorization);
    }

    [Fact]
    public void Sign_SameDayTwice_ReusesKeyAndGivesSameSignature()
    {
        var signer = new SigV4Signer("us-east-1", "service");
        var request = new SignableRequest(
            "GET", "/", "", [new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")], default);

        var first = signer.Sign(request, AccessKeyId, Secret, Time);
        var second = signer.Sign(request, AccessKeyId, Secret, Time);
        var otherSecret = signer.Sign(request, AccessKeyId, Secret + "x", Time);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSecret);
    }

    [Fact]
    public void FormatAmzDate_AnyOffset_WritesUtcBasicFormat() =>
        Assert.Equal(
            "20150830T123600Z",
            SigV4Signer.FormatAmzDate(new DateTimeOffset(2015, 8, 30, 14, 36, 0, TimeSpan.FromHours(2))));

    // The .req layout: request line, "Name:value" header lines, a blank line, then the body (bytes, UTF-8 path).
    private static SignableRequest ParseRequest(byte[] raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 2)..];
        var lines = head.Split('\n');
        var requestLine = lines[0].Split(' ');
        var target = requestLine[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Select(p => new KeyValuePair<string, string>(p[0], p[1]))
            .ToList();
        return new SignableRequest(
            requestLine[0],
            question < 0 ? target : target[..question],
            question < 0 ? "" : target[(question + 1)..],
            headers,
            Encoding.UTF8.GetBytes(body));
    }
}
