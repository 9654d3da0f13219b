using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Lambda;

// The reference Lambda function (provided.al2023, Native AOT): the original aws-samples record's five fields,
// served by the Lambda Runtime API host, configured from environment variables.
return await LambdaPixelHost.RunAsync(services =>
{
    var pixel = services
        .AddTrackingPixel(options =>
        {
            // Behind CloudFront or another proxy you run, the number of proxies whose X-Forwarded-For entries to trust.
            options.ClientIp.TrustedProxyCount = IntegerFromEnvironment("TRACKINGPIXEL_TRUSTED_PROXY_COUNT", 0);
        })
        .AddStandardFields();

    // The publisher: the one line to change. Until the Firehose publisher is merged, records go to NDJSON files.
    pixel.UseFilePublisher(o => o.Directory = Environment.GetEnvironmentVariable("TRACKINGPIXEL_RECORDS_DIRECTORY") ?? "/tmp/trackingpixel");
}).ConfigureAwait(false);

// A malformed value fails init (reported to /runtime/init/error) rather than silently using the default.
static int IntegerFromEnvironment(string name, int defaultValue)
{
    var text = Environment.GetEnvironmentVariable(name);
    if (string.IsNullOrWhiteSpace(text))
    {
        return defaultValue;
    }

    return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
        ? value
        : throw new FormatException($"{name} is '{text}'; set it to a whole number.");
}
