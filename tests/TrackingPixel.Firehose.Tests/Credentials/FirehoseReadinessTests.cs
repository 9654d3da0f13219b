using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Aws;
using TrackingPixel.Aws.Tests.Support;
using TrackingPixel.Firehose.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Tests.Credentials;

/// <summary>The Firehose publisher's readiness: credentials obtainable, or what is missing.</summary>
public sealed class FirehoseReadinessTests
{
    [Fact]
    public async Task CheckReadiness_CredentialsInTheEnvironment_IsReady()
    {
        await using var server = new FakeFirehose();
        await using var harness = FirehoseHarness.Create(server);

        Assert.Null(await Readiness(harness).CheckReadinessAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckReadiness_NoCredentialsAnywhere_SaysSo()
    {
        await using var server = new FakeFirehose();
        var home = Directory.CreateTempSubdirectory("trackingpixel-nocreds-").FullName;
        var environment = new FakeEnvironment(new()
        {
            ["AWS_REGION"] = FakeFirehose.Region,
            ["AWS_ENDPOINT_URL_FIREHOSE"] = server.Url.ToString(),
            ["HOME"] = home,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        });
        await using var harness = FirehoseHarness.Create(
            server, register: s => s.AddSingleton<IAwsEnvironment>(environment));

        var problem = await Readiness(harness).CheckReadinessAsync(CancellationToken.None);

        Assert.StartsWith("no AWS credentials:", problem, StringComparison.Ordinal);
        Directory.Delete(home, recursive: true);
    }

    private static IPublisherReadiness Readiness(FirehoseHarness harness) =>
        Assert.IsAssignableFrom<IPublisherReadiness>(harness.Services.GetRequiredService<IRecordPublisher>());
}
