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

    private static ServiceProvider Build(Dictionary<string, string> variables, int? maxRecordBytes = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAwsEnvironment>(new FakeEnvironment(variables));
        services.AddTrackingPixel(o => o.MaxRecordBytes = maxRecordBytes ?? o.MaxRecordBytes)
            .UseKinesisPublisher(o => o.Stream = "pixels");
        return services.BuildServiceProvider();
    }
}
