using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Publishing;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Publishing;

public sealed class TrackingPixelBuilderPublisherExtensionsTests : IDisposable
{
    private static readonly ITrackingPixelBuilder NullBuilder = null!;
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Extensions_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddTrackingPixel();

        Assert.Throws<ArgumentNullException>(() => NullBuilder.UseFilePublisher());
        Assert.Throws<ArgumentNullException>(() => NullBuilder.UsePublisher<CollectingPublisher>());
        Assert.Throws<ArgumentNullException>(() => NullBuilder.UsePublisher(_ => new CollectingPublisher()));
        Assert.Throws<ArgumentNullException>(
            () => builder.UsePublisher((Func<IServiceProvider, IRecordPublisher>)null!));
        Assert.Throws<ArgumentNullException>(() => NullBuilder.UseUndeliveredRecordSink(new CollectingSink()));
        Assert.Throws<ArgumentNullException>(() => builder.UseUndeliveredRecordSink(null!));
    }

    [Fact]
    public async Task Default_IsTheFilePublisher_WritingUnderTheConfiguredFolder()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().AddStandardFields().UseFilePublisher(o => o.Directory = _dir.Path);
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.IsType<FilePublisher>(provider.GetRequiredService<IRecordPublisher>());

            await provider.GetRequiredService<PixelPipeline>()
                .HandleAsync(Some.OriginalExampleRequest(), CancellationToken.None);
        }

        Assert.Contains("\"userId\":\"aws_user\"", Assert.Single(_dir.Lines()), StringComparison.Ordinal);
    }

    [Fact]
    public void UsePublisherOfT_ReplacesTheDefault()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().UsePublisher<CollectingPublisher>().UsePublisher<CollectingPublisher>();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<CollectingPublisher>(provider.GetRequiredService<IRecordPublisher>());
        Assert.Single(services, d => d.ServiceType == typeof(IRecordPublisher));
    }

    [Fact]
    public void UseFilePublisher_AfterAnotherPublisher_ReplacesIt()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().UsePublisher<CollectingPublisher>().UseFilePublisher(o => o.Directory = _dir.Path);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<FilePublisher>(provider.GetRequiredService<IRecordPublisher>());
    }

    [Fact]
    public async Task UseUndeliveredRecordSink_ReceivesRecordsTheFilePublisherRefusesAfterShutdown()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddTrackingPixel()
            .AddStandardFields()
            .UseFilePublisher(o => o.Directory = _dir.Path)
            .UseUndeliveredRecordSink(sink);
        var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<PixelPipeline>();
        Assert.Same(sink, provider.GetRequiredService<IUndeliveredRecordSink>());
        await pipeline.HandleAsync(Some.Request("userid=before"), CancellationToken.None);

        await provider.DisposeAsync();
        await pipeline.HandleAsync(Some.Request("userid=after"), CancellationToken.None);

        Assert.Contains("before", Assert.Single(_dir.Lines()), StringComparison.Ordinal);
        Assert.Contains("after", Assert.Single(sink.Records).Record, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
