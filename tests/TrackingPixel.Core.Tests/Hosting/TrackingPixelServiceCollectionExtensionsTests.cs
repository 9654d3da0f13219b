using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Publishing;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Hosting;

public class TrackingPixelServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTrackingPixel_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddTrackingPixel());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddTrackingPixel(null!));
    }

    [Fact]
    public void AddTrackingPixel_WithStandardFields_ResolvesEveryServiceFromARealContainer()
    {
        var services = new ServiceCollection();

        var builder = services.AddTrackingPixel(o => o.MissingValue = "n/a").AddStandardFields();

        Assert.Same(services, builder.Services);
        using var provider = services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var pipeline = provider.GetRequiredService<PixelPipeline>();
        Assert.Same(pipeline, provider.GetRequiredService<PixelPipeline>());
        Assert.NotNull(provider.GetRequiredService<IRecordPublisher>());
        Assert.NotNull(provider.GetRequiredService<IUndeliveredRecordSink>());
        Assert.Equal("n/a", provider.GetRequiredService<IOptions<TrackingPixelOptions>>().Value.MissingValue);
    }

    [Fact]
    public void AddTrackingPixel_CalledTwice_RegistersOnePipelineAndKeepsBothConfigurations()
    {
        var services = new ServiceCollection();

        services.AddTrackingPixel(o => o.MissingValue = "first").AddStandardFields();
        services.AddTrackingPixel(o => o.MaxFieldLength = 64).AddStandardFields();

        Assert.Single(services, d => d.ServiceType == typeof(PixelPipeline));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<TrackingPixelOptions>>().Value;
        Assert.Equal(("first", 64), (options.MissingValue, options.MaxFieldLength));
        using var record = provider.GetRequiredService<PixelPipeline>().Collect(Some.Request());
        Assert.Equal(5, System.Text.Json.JsonDocument.Parse(record!.Data).RootElement.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("MaxFieldLength", "MaxFieldLength is 8; set it between 16 and 1048576.")]
    [InlineData("MaxRecordBytes", "MaxRecordBytes is 100; set it between 1024 and 1048576.")]
    [InlineData("MissingValue", "MissingValue is 300 characters long; use at most 256.")]
    [InlineData(
        "MissingValueSurrogate",
        "MissingValue contains a lone surrogate (invalid UTF-16); use valid text such as \"unknown\".")]
    [InlineData(
        "TrustedProxyCount",
        "ClientIp.TrustedProxyCount is -1; set it to the number of proxies you run in front (0 to 16), 0 to ignore " +
            "forwarding headers.")]
    [InlineData("ForwardedForHeader", "ClientIp.ForwardedForHeader must be a header name such as X-Forwarded-For.")]
    [InlineData("Linger", "Batching.Linger is 00:00:02; set it between zero and 00:00:01.")]
    [InlineData("MaxQueuedRecords", "Batching.MaxQueuedRecords is 0; set it between 1 and 1000000.")]
    public void StartupValidation_BadOption_FailsWithAMessageSayingWhatToSet(string option, string message)
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel(o =>
        {
            switch (option)
            {
                case "MaxFieldLength": o.MaxFieldLength = 8; break;
                case "MaxRecordBytes": o.MaxRecordBytes = 100; break;
                case "MissingValue": o.MissingValue = new string('x', 300); break;
                case "MissingValueSurrogate": o.MissingValue = "bad" + '\uD800'; break;
                case "TrustedProxyCount": o.ClientIp.TrustedProxyCount = -1; break;
                case "Linger": o.Batching.Linger = TimeSpan.FromSeconds(2); break;
                case "MaxQueuedRecords": o.Batching.MaxQueuedRecords = 0; break;
                default: o.ClientIp.ForwardedForHeader = "X Forwarded: For"; break;
            }
        }).AddStandardFields();
        using var provider = services.BuildServiceProvider();

        // What a host runs at start-up (ValidateOnStart), and what resolving the pipeline runs without a host.
        var atStart = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());
        var atResolve = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PixelPipeline>());

        Assert.Equal(message, Assert.Single(atStart.Failures));
        Assert.Contains(message, atResolve.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_SeveralBadOptions_ReportsEachOne()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel(o =>
        {
            o.MaxFieldLength = 0;
            o.MaxRecordBytes = 0;
        }).AddStandardFields();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public void Resolve_NoFields_FailsWithAMessageNamingTheMethodsToCall()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<PixelPipeline>());

        Assert.Contains("AddStandardFields()", error.Message, StringComparison.Ordinal);
    }
}
