using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Aws;
using TrackingPixel.Aws.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.Kinesis.Tests.DependencyInjection;

public class KinesisTrackingPixelBuilderExtensionsTests
{
    [Fact]
    public void UseKinesisPublisher_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddTrackingPixel();

        Assert.Throws<ArgumentNullException>(
            () => KinesisTrackingPixelBuilderExtensions.UseKinesisPublisher(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.UseKinesisPublisher(null!));
    }

    [Fact]
    public async Task UseKinesisPublisher_FromARealServiceCollection_ResolvesTheKinesisPublisher()
    {
        await using var provider = Build(new() { ["AWS_REGION"] = "eu-west-1" });

        var publisher = provider.GetRequiredService<IRecordPublisher>();

        Assert.Equal("KinesisPublisher", publisher.GetType().Name);
    }

    [Fact]
    public async Task UseKinesisPublisher_InvalidOptions_FailWhenResolvedNamingTheSetting()
    {
        await using var provider = Build([]);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRecordPublisher>());

        Assert.Contains("No AWS region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseKinesisPublisher_RecordLimitAboveWhatAKinesisRecordHolds_FailsStartUp()
    {
        await using var provider = Build(new() { ["AWS_REGION"] = "eu-west-1" }, maxRecordBytes: 2_000_000);

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<TrackingPixelOptions>>().Value);

        Assert.Contains("MaxRecordBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseKinesisPublisher_CredentialsInTheEnvironment_ReportsReady()
    {
        await using var provider = Build(new()
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
        });

        var readiness = Assert.IsAssignableFrom<IPublisherReadiness>(provider.GetRequiredService<IRecordPublisher>());

        Assert.Null(await readiness.CheckReadinessAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UseKinesisPublisher_NoCredentialsAnywhere_ReportsNotReadyAndSaysWhy()
    {
        var home = Directory.CreateTempSubdirectory("trackingpixel-nocreds-").FullName;
        try
        {
            await using var provider = Build(new()
            {
                ["AWS_REGION"] = "eu-west-1",
                ["HOME"] = home,
                ["AWS_EC2_METADATA_DISABLED"] = "true",
            });
            var readiness = Assert.IsAssignableFrom<IPublisherReadiness>(
                provider.GetRequiredService<IRecordPublisher>());

            var problem = await readiness.CheckReadinessAsync(CancellationToken.None);

            Assert.StartsWith("no AWS credentials:", problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static ServiceProvider Build(Dictionary<string, string> variables, int? maxRecordBytes = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAwsEnvironment>(new FakeEnvironment(variables));
        services.AddTrackingPixel(o => o.MaxRecordBytes = maxRecordBytes ?? o.MaxRecordBytes)
            .UseKinesisPublisher(o => o.Stream = "pixels");
        return services.BuildServiceProvider();
    }
}
