using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Lambda.Events;
using TrackingPixel.Lambda.Responses;
using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Managed;

public class LambdaPixelFunctionTests
{
    [Theory]
    [InlineData("http-api-v2.json", false, "aws_user")]
    [InlineData("rest-api-v1.json", true, "rest_user")]
    [InlineData("function-url.json", false, "url user")]
    public async Task HandleAsync_Fixture_ReturnsTheEnvelopeAfterPublishingTheRecord(
        string file, bool restApi, string userId)
    {
        var publisher = new RecordingPublisher();
        var function = new PixelFunction(services => Some.StandardPixel(services, publisher));

        await using var output = await function.HandleAsync(new MemoryStream(Some.Fixture(file)));

        using var copy = new MemoryStream();
        await output.CopyToAsync(copy);
        Assert.Equal((restApi ? ProxyResponse.RestApiV1 : ProxyResponse.HttpApiV2).ToArray(), copy.ToArray());
        var record = Assert.Single(publisher.Records);
        Assert.Contains($"\"userId\":\"{userId}\"", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NotAnHttpEvent_ThrowsForTheRuntimeToReport()
    {
        var function = new PixelFunction(services => Some.StandardPixel(services, new RecordingPublisher()));

        await Assert.ThrowsAsync<UnsupportedEventException>(
            () => function.HandleAsync(new MemoryStream(Some.Json("""{"Records":[]}"""))));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsSoTheRuntimeReportsAnInitError()
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            new PixelFunction(services => services.AddTrackingPixel(o => o.MaxFieldLength = 1).AddStandardFields()));

        Assert.Contains("MaxFieldLength is 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullConfiguration_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new PixelFunction(null!));
    }

    private sealed class PixelFunction(Action<IServiceCollection> configure) : LambdaPixelFunction(configure);
}
