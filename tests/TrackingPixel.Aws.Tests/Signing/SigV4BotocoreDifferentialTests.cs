using System.Text;
using System.Text.Json;
using TrackingPixel.Aws.Tests.Support;

namespace TrackingPixel.Aws.Tests.Signing;

/// <summary>
/// Signs several hundred generated requests here and with botocore's SigV4Auth and compares every step.
/// </summary>
public sealed class SigV4BotocoreDifferentialTests
{
    private const int Count = 400;
    private static readonly string[] Regions = [
        "us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1", "ap-southeast-2"];
    private static readonly string[] ExtraHeaderNames = [
        "X-Custom", "x-amz-meta-a_b", "X-Amz-Meta-Zeta", "Accept", "X-Forwarded-For", "x-amz-target"];
    private static readonly string[] Words = [
        "a", "value", "ሴ-not-ascii-free", "Firehose_20150804.PutRecordBatch", "x/y", "1.1", "q=0.8"];

    [BotocoreFact]
    public async Task Sign_GeneratedRequests_MatchBotocoreExactly()
    {
        var random = new Random(20150830);
        var cases = Enumerable.Range(0, Count).Select(_ => Generate(random)).ToList();

        var output = await Python.RunAsync("botocore_sign.py", ToJson(cases));
        using var expected = JsonDocument.Parse(output);

        Assert.Equal(Count, expected.RootElement.GetArrayLength());
        for (var i = 0; i < Count; i++)
        {
            var c = cases[i];
            var signer = new SigV4Signer(c.Region, "firehose");
            var authorization = signer.Sign(
                c.Request, c.AccessKey, c.Secret, c.Time, out var canonical, out var stringToSign);
            var botocore = expected.RootElement[i];
            Assert.Equal(botocore.GetProperty("canonicalRequest").GetString(), canonical);
            Assert.Equal(botocore.GetProperty("stringToSign").GetString(), stringToSign);
            Assert.Equal(botocore.GetProperty("authorization").GetString(), authorization);
        }
    }

    private static Case Generate(Random random)
    {
        var time = RandomTime(random);
        var token = random.Next(3) == 0 ? null : RandomText(random, "ABCDEFabcdef0123456789+/=", random.Next(20, 400));
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", random.Next(2) == 0 ? "application/x-amz-json-1.1" : "  application/x-amz-json-1.1 ; " +
                " charset=utf-8\t "),
            new("X-Amz-Target", "Firehose_20150804.PutRecordBatch"),
        };
        for (var n = random.Next(4); n > 0; n--)
        {
            headers.Add(new(ExtraHeaderNames[random.Next(ExtraHeaderNames.Length)], RandomHeaderValue(random)));
        }

        var python = headers.ToList();
        headers.Add(new("Host", "firehose.example.amazonaws.com"));
        headers.Add(new("X-Amz-Date", SigV4Signer.FormatAmzDate(time)));
        if (token is not null)
        {
            headers.Add(new("X-Amz-Security-Token", token));
        }

        var path = random.Next(5) == 0
            ? "/" + string.Join(
                '/',
                Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomText(random, "ab.-_~ ሴé", random.Next(0, 4))))
            : "/";
        var body = RandomBody(random);
        return new Case(
            new SignableRequest("POST", path, "", headers, body),
            python,
            RandomText(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 20),
            RandomText(random, "ABCDEFabcdef0123456789+/", 40),
            token,
            Regions[random.Next(Regions.Length)],
            time);
    }

    // Half the instants sit within seconds of midnight UTC, where the scope date and X-Amz-Date must agree.
    private static DateTimeOffset RandomTime(Random random)
    {
        var day = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 365 * 30));
        return random.Next(2) == 0 ? day.AddSeconds(random.Next(-3, 3)) : day.AddSeconds(random.Next(0, 86_400));
    }

    private static string RandomHeaderValue(Random random)
    {
        var value = new StringBuilder();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            value.Append(new string(random.Next(3) == 0 ? '\t' : ' ', random.Next(0, 4)));
            value.Append(
                Words[random.Next(Words.Length)].Replace("ሴ-not-ascii-free", "plain", StringComparison.Ordinal));
        }

        return value.Append(new string(' ', random.Next(0, 3))).ToString();
    }

    private static byte[] RandomBody(Random random)
    {
        if (random.Next(4) == 0)
        {
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);
            return bytes;
        }

        return Encoding.UTF8.GetBytes(
            "{\"Records\":[{\"Data\":\"" + RandomText(random, "abcXYZ09 éሴ😀\"\\", random.Next(0, 300)) + "\"}]}\n");
    }

    private static string RandomText(Random random, string alphabet, int length)
    {
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(alphabet);
        var pieces = new List<string>();
        while (elements.MoveNext())
        {
            pieces.Add(elements.GetTextElement());
        }

        return string.Concat(Enumerable.Range(0, length).Select(_ => pieces[random.Next(pieces.Count)]));
    }

    private static string ToJson(List<Case> cases)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var c in cases)
            {
                json.WriteStartObject();
                json.WriteString("method", "POST");
                json.WriteString("url", "https://firehose.example.amazonaws.com" + c.Request.Path);
                json.WriteStartArray("headers");
                foreach (var header in c.PythonHeaders)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(header.Key);
                    json.WriteStringValue(header.Value);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteBase64String("body", c.Request.Body.Span);
                json.WriteString("accessKey", c.AccessKey);
                json.WriteString("secretKey", c.Secret);
                json.WriteString("token", c.Token);
                json.WriteString("region", c.Region);
                json.WriteString("service", "firehose");
                json.WriteString("timestamp", SigV4Signer.FormatAmzDate(c.Time));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed record Case(
        SignableRequest Request,
        List<KeyValuePair<string,
        string>> PythonHeaders,
        string AccessKey,
        string Secret,
        string? Token,
        string Region,
        DateTimeOffset Time);
}
