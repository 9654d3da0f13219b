using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrackingPixel;
using TrackingPixel.Aws;
using TrackingPixel.Firehose;
using TrackingPixel.Firehose.Client;
using TrackingPixel.Firehose.Diagnostics;
using TrackingPixel.Firehose.Publishing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Sends TrackingPixel records to Amazon Data Firehose.</summary>
public static class FirehoseTrackingPixelBuilderExtensions
{
    /// <summary>Replaces the publisher with one that sends records to a Firehose delivery stream.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="configure">
    /// Sets the stream name and, optionally, region, endpoint and retry limits; see
    /// <see cref="FirehosePublisherOptions"/>.
    /// </param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// The options are validated when the publisher is first resolved (an <see cref="OptionsValidationException"/>
    /// names what to fix). Credentials come from the environment variables, the container credentials endpoint or the
    /// shared credentials file, in that order. One <see cref="HttpClient"/> with pooled connections is used for the
    /// publisher's lifetime. Counters are in <see cref="FirehosePublisherMetrics"/>, which can be resolved.
    /// </remarks>
    public static ITrackingPixelBuilder UseFirehosePublisher(
        this ITrackingPixelBuilder builder, Action<FirehosePublisherOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<FirehosePublisherOptions>().Configure(configure).ValidateOnStart();
        services.TryAddSingleton<IAwsEnvironment>(ProcessEnvironment.Instance);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<FirehosePublisherOptions>,
            FirehosePublisherOptionsValidator>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TrackingPixelOptions>, FirehoseRecordLimitValidator>());
        services.TryAddSingleton<FirehosePublisherMetrics>();
        return builder.UsePublisher(Create);
    }

    private static FirehosePublisher Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<FirehosePublisherOptions>>().Value;
        var environment = services.GetRequiredService<IAwsEnvironment>();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;

        var connection = AwsConnection.Create(
            services.GetService<ICredentialsProvider>(), environment, time, options.RequestTimeout);
        var endpoint = AwsEndpoint.Resolve(
            AwsService.Firehose,
            options.Region,
            options.EndpointUrl,
            options.UseFipsEndpoint,
            options.UseDualStackEndpoint,
            environment);
        var client = new FirehoseClient(new AwsJsonClient(
            connection.Http,
            AwsService.Firehose,
            endpoint,
            connection.Credentials,
            time,
            options.RequestTimeout,
            "TrackingPixel.Firehose/1"));
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("TrackingPixel.Firehose")
            ?? NullLogger.Instance;
        return new FirehosePublisher(
            client,
            options,
            services.GetRequiredService<FirehosePublisherMetrics>(),
            time,
            logger,
            services.GetService<EmbeddedMetricsOutput>()?.Writer,
            connection.Owned);
    }
}
