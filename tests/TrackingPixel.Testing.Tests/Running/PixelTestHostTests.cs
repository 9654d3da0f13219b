using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Testing.Tests.Support;

namespace TrackingPixel.Testing.Tests.Running;

public sealed class PixelTestHostTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trackingpixel-testing-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Record_IsByteForByteWhatTheCompositionsOwnPublisherWrites()
    {
        var request = TestRequest.Get().WithQuery("userid=u-1&thirdpartyname=site").WithUserAgent("curl/8.5.0");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock());
        services.AddTrackingPixel().AddStandardFields().UseFilePublisher(o => o.Directory = _folder);
        await using (var provider = services.BuildServiceProvider())
        {
            var pipeline = provider.GetRequiredService<PixelPipeline>();
            await pipeline.HandleAsync(request.ToPixelRequest(), CancellationToken.None);
        }

        var record = PixelTestHost.RecordOf(b => b.AddStandardFields(), request);

        var written = Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).Single();
        Assert.Equal(written, record!.Bytes.ToArray());
    }

    [Fact]
    public void Record_ReplacesTheCompositionsPublisher_SoNothingIsWritten()
    {
        using var host = PixelTestHost.Create(b => b.AddStandardFields().UseFilePublisher(o => o.Directory = _folder));

        Assert.NotNull(host.Record(TestRequest.Get()));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Record_DateComesFromTheFixedClock_AndMovesWithIt()
    {
        using var host = PixelTestHost.Create(b => b.AddStandardFields());

        var first = host.Record(TestRequest.Get())!.Text;
        host.Clock.Advance(TimeSpan.FromDays(1));
        var second = host.Record(TestRequest.Get())!.Text;

        Assert.Contains("\"date\":\"2024-05-01T12:34:56.789Z\"", first, StringComparison.Ordinal);
        Assert.Contains("\"date\":\"2024-05-02T12:34:56.789Z\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_DiscardedRequest_ReturnsNull()
    {
        using var host = PixelTestHost.Create(b => b.AddStandardFields().AddRecordPolicy(new DiscardAll()));

        Assert.Null(host.Record(TestRequest.Get()));
    }

    [Fact]
    public void Create_InvalidOptions_FailsAsTheHostWouldOnStart() =>
        Assert.Throws<OptionsValidationException>(() =>
            PixelTestHost.Create(b => b.AddStandardFields(), o => o.MaxRecordBytes = -1).Dispose());

    [Fact]
    public void CreateForServices_RunsACompositionThatAddsTrackingPixelItself()
    {
        using var host = PixelTestHost.CreateForServices(s => s.AddTrackingPixel().AddQueryField("campaign", "c"));

        Assert.Equal("{\"campaign\":\"spring\"}\n", host.Record(TestRequest.Get().WithQuery("c=spring"))!.Text);
    }

    [Fact]
    public void RecordOfLambdaEvent_OtherPathThanTheCompositionsPixelPath_GivesNoRecord()
    {
        using var host = PixelTestHost.Create(b => b.AddStandardFields().UseLambdaPixelPath("/o/{campaign}.gif"));
        var json = Events.Fixture("http-api-v2.json");

        Assert.Null(host.RecordOfLambdaEvent(json));
        Assert.NotNull(host.RecordOfLambdaEvent(json.Replace("/pixel.gif", "/o/spring.gif", StringComparison.Ordinal)));
    }

    [Fact]
    public void RecordOfLambdaEvent_LoadBalancerHealthCheck_GivesNoRecord()
    {
        using var host = PixelTestHost.Create(b => b.AddStandardFields());

        var healthCheck = Events.LoadBalancer.Replace("curl/8.5.0", "ELB-HealthChecker/2.0", StringComparison.Ordinal);

        Assert.Null(host.RecordOfLambdaEvent(healthCheck));
    }

    [Fact]
    public void RecordOfLambdaEvent_NotAnHttpEvent_ThrowsArgumentException()
    {
        using var host = PixelTestHost.Create(b => b.AddStandardFields());

        Assert.Throws<ArgumentException>(() => host.RecordOfLambdaEvent("[]"));
    }

    private sealed class DiscardAll : IRecordPolicy
    {
        public void Apply(PixelRequest request, RecordBuilder record) => record.Discard();
    }
}
