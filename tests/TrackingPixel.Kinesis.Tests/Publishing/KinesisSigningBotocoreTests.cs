using System.Text;
using System.Text.Json;
using TrackingPixel.Aws.Tests.Support;
using TrackingPixel.Kinesis.Tests.Support;

namespace TrackingPixel.Kinesis.Tests.Publishing;

/// <summary>The PutRecords requests the publisher sends, signed again by botocore's own SigV4Auth for service
/// <c>kinesis</c>: the Authorization headers must be the same.</summary>
public sealed class KinesisSigningBotocoreTests
{
    [BotocoreFact]
    public async Task PutRecords_AuthorizationHeader_IsWhatBotocoreComputesForServiceKinesis()
    {
        await using var server = new LoopbackServer((request, _) =>
        {
            var entries = JsonDocument.Parse(request.Body).RootElement.GetProperty("Records").GetArrayLength();
            var stored = Enumerable.Repeat("""{"SequenceNumber":"1","ShardId":"shardId-0"}""", entries);
            var answer = $$"""{"FailedRecordCount":0,"Records":[{{string.Join(",", stored)}}]}""";
            return Task.FromResult(LoopbackResponse.Json(200, answer));
        });
        var arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/pixels";
        await using var harness = KinesisHarness.Create(server.Url, arn);
        for (var call = 0; call < 5; call++)
        {
            await harness.PublishAsync(1 + (call * 7), first: call * 100);
        }

        var requests = server.Requests;
        var output = await Python.RunAsync("botocore_sign.py", Cases(server.Url, requests));

        using var botocore = JsonDocument.Parse(output);
        Assert.Equal(5, requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var expected = botocore.RootElement[i].GetProperty("authorization").GetString();
            Assert.Equal(expected, requests[i].Header("Authorization"));
            Assert.Contains("/eu-west-1/kinesis/aws4_request", expected, StringComparison.Ordinal);
        }
    }

    private static string Cases(Uri url, IReadOnlyList<LoopbackRequest> requests)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var request in requests)
            {
                json.WriteStartObject();
                json.WriteString("method", request.Method);
                json.WriteString("url", new Uri(url, request.Target).ToString());
                json.WriteStartArray("headers");
                foreach (var name in new[] { "Content-Type", "X-Amz-Target" })
                {
                    json.WriteStartArray();
                    json.WriteStringValue(name);
                    json.WriteStringValue(request.Header(name));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteBase64String("body", request.Body);
                json.WriteString("accessKey", KinesisHarness.AccessKeyId);
                json.WriteString("secretKey", KinesisHarness.Secret);
                json.WriteString("token", KinesisHarness.SessionToken);
                json.WriteString("region", "eu-west-1");
                json.WriteString("service", "kinesis");
                json.WriteString("timestamp", request.Header("X-Amz-Date"));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
