using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Lambda.BootstrapDriver;

namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>Points the real Firehose publisher at a <see cref="LoopbackFirehose"/>.</summary>
internal static class FirehoseStream
{
    public const string Name = "pixels";

    /// <summary>Starts a loopback stream that keeps every line it stores.</summary>
    public static Task<LoopbackFirehose> StartAsync(TimeSpan latency = default, Func<long, bool>? throttle = null) =>
        LoopbackFirehose.StartAsync(Name, expectedRecord: null, latency, throttle, keepLines: true);

    /// <summary>The standard five fields published to <paramref name="stream"/>, with quick retries.</summary>
    public static void Publish(IServiceCollection services, LoopbackFirehose stream, CollectingSink sink)
    {
        // The publisher takes credentials from the environment only; these fake ones are the same for every test.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFAKE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "fake-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "fake-token");
        services.AddTrackingPixel()
            .AddStandardFields()
            .UseFirehosePublisher(o =>
            {
                o.DeliveryStreamName = Name;
                o.Region = "us-east-1";
                o.EndpointUrl = stream.Url;
                o.BaseRetryDelay = TimeSpan.FromMilliseconds(1);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            })
            .UseUndeliveredRecordSink(sink);
    }

    /// <summary>Every line the stream stored, as text, newline included.</summary>
    public static List<string> Lines(LoopbackFirehose stream) =>
        [.. stream.ReceivedLines.Select(l => System.Text.Encoding.UTF8.GetString(l))];
}
