using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Aws;
using TrackingPixel.Aws.Tests.Support;
using TrackingPixel.Firehose.Tests.Support;

namespace TrackingPixel.Firehose.Tests.Credentials;

/// <summary>
/// The publisher signing with credentials fetched from a container credentials endpoint, fetched once.
/// </summary>
public sealed class ContainerCredentialsPublishingTests
{
    [Fact]
    public async Task Publish_ContainerCredentials_SignsWithFetchedKeysAndFetchesOnce()
    {
        await using var endpoint = new LoopbackServer((_, _) => Task.FromResult(LoopbackResponse.Json(
            200,
            $"{{\"AccessKeyId\":\"{FakeFirehose.AccessKeyId}\",\"SecretAccessKey\":\"{FakeFirehose.Secret}\"," +
                $"\"Token\":\"{FakeFirehose.SessionToken}\"," +
                $"\"Expiration\":\"{DateTimeOffset.UtcNow.AddHours(6):yyyy-MM-ddTHH:mm:ssZ}\"}}")));
        await using var server = new FakeFirehose();
        var environment = new FakeEnvironment(new()
        {
            ["AWS_REGION"] = FakeFirehose.Region,
            ["AWS_ENDPOINT_URL_FIREHOSE"] = server.Url.ToString(),
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = endpoint.Url + "creds",
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "pod-token",
        });
        await using var harness = FirehoseHarness.Create(
            server, register: s => s.AddSingleton<IAwsEnvironment>(environment));

        var sent = await harness.PublishAsync(20);
        using (var another = harness.Pipeline.Collect(FirehoseHarness.Request(1_000))!)
        {
            await harness.Pipeline.PublishAsync(another, default);
            sent.Add(another.ToString());
        }

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(sent, server.Delivered);
        Assert.Equal("pod-token", Assert.Single(endpoint.Requests).Header("Authorization"));
    }
}
