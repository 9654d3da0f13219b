using System.Text;
using BenchmarkDotNet.Attributes;
using TrackingPixel.Aws;

namespace TrackingPixel.Benchmarks.Firehose;

/// <summary>Signing a PutRecord request as the Firehose client does: the headers it sends, a one-record body.</summary>
[MemoryDiagnoser]
public class SigV4Benchmarks
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 34, 56, TimeSpan.Zero);

    private readonly SigV4Signer _signer = new("eu-west-1", "firehose");
    private SignableRequest _request;

    /// <summary>With a session token, as Lambda's credentials always have one.</summary>
    [Params(false, true)]
    public bool SessionToken { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A PutRecord body for a typical ~300-byte record: about 400 bytes of JSON around its base64.
        var record = Encoding.UTF8.GetBytes(new string('r', 300));
        var body = Encoding.UTF8.GetBytes(
            "{\"DeliveryStreamName\":\"tracking-pixel\",\"Record\":{\"Data\":\"" +
            Convert.ToBase64String(record) + "\"}}");
        List<KeyValuePair<string, string>> headers =
        [
            new("content-type", "application/x-amz-json-1.1"),
            new("host", "firehose.eu-west-1.amazonaws.com"),
            new("x-amz-date", SigV4Signer.FormatAmzDate(Now)),
            new("x-amz-target", "Firehose_20150804.PutRecord"),
        ];
        if (SessionToken)
        {
            headers.Add(new("x-amz-security-token", new string('t', 800)));
        }

        _request = new SignableRequest("POST", "/", "", headers, body);
    }

    [Benchmark]
    public string SignPutRecord() => _signer.Sign(_request, AccessKeyId, SecretAccessKey, Now);
}
