using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Aws;
using TrackingPixel.Aws.Tests.Support;
using TrackingPixel.Firehose.Diagnostics;
using TrackingPixel.Firehose.Publishing;
using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Tests.DependencyInjection;

public sealed class FirehoseTrackingPixelBuilderExtensionsTests
{
    [Fact]
    public void UseFirehosePublisher_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddTrackingPixel();

        Assert.Throws<ArgumentNullException>(
            () => FirehoseTrackingPixelBuilderExtensions.UseFirehosePublisher(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.UseFirehosePublisher(null!));
    }

    [Fact]
    public void Limits_AreOnePutRecordBatchCall_500RecordsWhoseBase64BodyFitsIn4MB()
    {
        using var services = Build(o => o.DeliveryStreamName = "pixels", new() { ["AWS_REGION"] = "eu-west-1" });

        var limits = services.GetRequiredService<IRecordPublisher>().Limits;

        Assert.Equal(500, limits.MaxRecords);
        Assert.InRange(((limits.MaxBytes + 2) / 3 * 4) + (500 * 12) + 128, 3_900_000, 4_000_000);
    }

    [Fact]
    public void UseFirehosePublisher_ResolvedFromServiceCollection_ReplacesFilePublisher()
    {
        using var services = Build(o => o.DeliveryStreamName = "pixels", new() { ["AWS_REGION"] = "eu-west-1" });

        Assert.IsType<FirehosePublisher>(services.GetRequiredService<IRecordPublisher>());
        Assert.Same(
            services.GetRequiredService<FirehosePublisherMetrics>(),
            services.GetRequiredService<FirehosePublisherMetrics>());
    }

    [Fact]
    public void UseFirehosePublisher_RecordLimitOverFirehosesRecordSize_FailsValidationSayingWhatToSet()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel(o => o.MaxRecordBytes = 1_048_576)
            .UseFirehosePublisher(o => o.DeliveryStreamName = "pixels");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<TrackingPixelOptions>>().Value);

        Assert.Contains("Firehose takes records of at most 1024000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTrackingPixel_WithoutFirehose_AcceptsRecordsUpToTheCoreCeiling()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel(o => o.MaxRecordBytes = 1_048_576);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(1_048_576, provider.GetRequiredService<IOptions<TrackingPixelOptions>>().Value.MaxRecordBytes);
    }

    [Fact]
    public void UseFirehosePublisher_MissingStreamAndRegion_ResolvingSaysWhatToFix()
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
        services.AddTrackingPixel().AddStandardFields().UseFirehosePublisher(configure);
        return services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
