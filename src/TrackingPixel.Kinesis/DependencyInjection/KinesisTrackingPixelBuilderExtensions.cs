using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrackingPixel;
using TrackingPixel.Aws;
using TrackingPixel.Kinesis;
using TrackingPixel.Kinesis.Client;
using TrackingPixel.Kinesis.Diagnostics;
using TrackingPixel.Kinesis.Publishing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Sends TrackingPixel records to an Amazon Kinesis data stream.</summary>
public static class KinesisTrackingPixelBuilderExtensions
{
    /// <summary>Replaces the publisher with one that puts records to a Kinesis data stream.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="configure">Sets the stream (name or ARN) and, optionally, the partition key, packing, region,
    /// endpoint and retry limits; see <see cref="KinesisPublisherOptions"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// The options are validated when the publisher is first resolved (an <see cref="OptionsValidationException"/>
    /// names what to fix). Credentials come from the standard AWS chain, as for the Firehose publisher. One
    /// <see cref="HttpClient"/> with pooled connections is used for the publisher's lifetime. Counters are in
    /// <see cref="KinesisPublisherMetrics"/>, which can be resolved.
    /// </remarks>
    public static ITrackingPixelBuilder UseKinesisPublisher(
        this ITrackingPixelBuilder builder, Action<KinesisPublisherOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<KinesisPublisherOptions>().Configure(configure).ValidateOnStart();
        services.TryAddSingleton<IAwsEnvironment>(ProcessEnvironment.Instance);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<KinesisPublisherOptions>, KinesisPublisherOptionsValidator>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TrackingPixelOptions>, KinesisRecordLimitValidator>());
        services.TryAddSingleton<KinesisPublisherMetrics>();
        return builder.UsePublisher(Create);
    }

    private static KinesisPublisher Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<KinesisPublisherOptions>>().Value;
        var environment = services.GetRequiredService<IAwsEnvironment>();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var stream = KinesisStream.Parse(options.Stream);
        var region = KinesisPublisherOptionsValidator.RegionOf(options, stream, environment);
        var endpoint = AwsEndpoint.Resolve(
            AwsService.Kinesis, region, options.EndpointUrl, options.UseFipsEndpoint, options.UseDualStackEndpoint,
            environment);
        var connection = AwsConnection.Create(
            services.GetService<ICredentialsProvider>(), environment, time, options.RequestTimeout);
        var client = new AwsJsonClient(
            connection.Http, AwsService.Kinesis, endpoint, connection.Credentials, time, options.RequestTimeout,
            "TrackingPixel.Kinesis/1");
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("TrackingPixel.Kinesis")
            ?? NullLogger.Instance;
        return new KinesisPublisher(
            client, options, services.GetRequiredService<KinesisPublisherMetrics>(), time, logger, connection.Owned);
    }
}
