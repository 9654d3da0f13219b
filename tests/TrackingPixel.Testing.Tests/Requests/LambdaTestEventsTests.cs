using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Lambda;
using TrackingPixel.Testing.Tests.Support;

namespace TrackingPixel.Testing.Tests.Requests;

/// <summary>Each kind of event gives the same request here as in the Lambda front end itself (its managed
/// handler).</summary>
public class LambdaTestEventsTests
{
    public static TheoryData<string, Func<string, TimeProvider?, PixelRequest>> EventsOfEachKind => new()
    {
        { Events.Fixture("http-api-v2.json"), LambdaTestEvents.FromHttpApi },
        { Events.Fixture("rest-api-v1.json"), LambdaTestEvents.FromRestApi },
        { Events.Fixture("function-url.json"), LambdaTestEvents.FromFunctionUrl },
        { Events.LoadBalancer, LambdaTestEvents.FromLoadBalancer },
        { Events.LoadBalancerMultiValue, LambdaTestEvents.FromLoadBalancer },
    };

    [Theory]
    [MemberData(nameof(EventsOfEachKind))]
    public async Task FromEventKind_BuildsTheRequestTheLambdaFrontEndBuilds(
        string json, Func<string, TimeProvider?, PixelRequest> read)
    {
        var clock = new FixedClock();
        var publisher = new RecordingPublisher();
        var function = new ViewFunction(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddTrackingPixel().AddExtractor(new RequestView()).UsePublisher(_ => publisher);
        });
        await using var _ = await function.HandleAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        using var host = PixelTestHost.Create(b => b.AddExtractor(new RequestView()), clock: clock);

        var viaEvents = host.Record(read(json, clock));
        var viaHost = host.RecordOfLambdaEvent(json);

        var expected = Assert.Single(publisher.Records);
        Assert.Equal(expected, viaEvents?.Text);
        Assert.Equal(expected, viaHost?.Text);
        Assert.Equal(expected, host.Record(LambdaTestEvents.FromEvent(json, clock))?.Text);
    }

    [Fact]
    public void FromHttpApi_FunctionUrlEvent_ThrowsNamingWhatTheHostReadsItAs()
    {
        var functionUrl = Events.Fixture("function-url.json");

        var exception = Assert.Throws<ArgumentException>(() => LambdaTestEvents.FromHttpApi(functionUrl));

        Assert.Contains("FunctionUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEvent_NotAnHttpEvent_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => LambdaTestEvents.FromEvent("""{"Records":[]}"""));

    [Fact]
    public void FromLoadBalancer_EventWithoutTime_TakesTheClocksTime()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

        var request = LambdaTestEvents.FromLoadBalancer(Events.LoadBalancer, clock);

        Assert.Equal(clock.GetUtcNow(), request.Timestamp);
        Assert.Equal("198.51.100.9", request.PeerAddress);
    }

    private sealed class ViewFunction(Action<IServiceCollection> configure) : LambdaPixelFunction(configure);
}
