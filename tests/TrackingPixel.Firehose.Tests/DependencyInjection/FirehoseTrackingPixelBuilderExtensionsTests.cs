using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Firehose.Credentials;
using TrackingPixel.Firehose.Diagnostics;
using TrackingPixel.Firehose.Publishing;
using TrackingPixel.Firehose.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Tests.DependencyInjection;

public sealed class FirehoseTrackingPixelBuilderExtensionsTests
{
    [Fact]
    public void AddFirehosePublisher_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddTrackingPixel();

        Assert.Throws<ArgumentNullException>(() => FirehoseTrackingPixelBuilderExtensions.AddFirehosePublisher(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.AddFirehosePublisher(null!));
    }

    [Fact]
    public void AddFirehosePublisher_ResolvedFromServiceCollection_ReplacesFilePublisher()
    {
        using var services = Build(o => o.DeliveryStreamName = "pixels", new() { ["AWS_REGION"] = "eu-west-1" });

        Assert.IsType<FirehosePublisher>(services.GetRequiredService<IRecordPublisher>());
        Assert.Same(services.GetRequiredService<FirehosePublisherMetrics>(), services.GetRequiredService<FirehosePublisherMetrics>());
    }

    [Fact]
    public void AddFirehosePublisher_MissingStreamAndRegion_ResolvingSaysWhatToFix()
    {
        using var services = Build(_ => { }, []);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IRecordPublisher>());

        Assert.Contains("DeliveryStreamName is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Action<FirehosePublisherOptions> configure, Dictionary<string, string> env)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAwsEnvironment>(new FakeEnvironment(env));
        services.AddTrackingPixel().AddStandardFields().AddFirehosePublisher(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
