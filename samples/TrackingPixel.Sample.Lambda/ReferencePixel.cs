using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace TrackingPixel.Sample.Lambda;

/// <summary>The reference function's record and publisher, configured from environment variables.</summary>
public static partial class ReferencePixel
{
    /// <summary>The delivery stream's name, as the original aws-samples function read it.</summary>
    public const string StreamNameVariable = "KINESIS_FIREHOSE_STREAM_NAME";

    /// <summary>A Kinesis data stream (its name or ARN) to put records to instead of Firehose; the endpoint override is
    /// AWS's standard <c>AWS_ENDPOINT_URL_KINESIS</c>.</summary>
    public const string KinesisStreamVariable = "TRACKINGPIXEL_KINESIS_STREAM";

    /// <summary>A folder for NDJSON files instead of Firehose, for local runs and <c>sam local invoke</c>.</summary>
    public const string RecordsDirectoryVariable = "TRACKINGPIXEL_RECORDS_DIRECTORY";

    /// <summary><c>first</c> adds the privacy-first fields and policies next to the original five.</summary>
    public const string PrivacyVariable = "TRACKINGPIXEL_PRIVACY";

    /// <summary>The secret keyed identifiers are derived from (at least 32 bytes), when <see cref="PrivacyVariable"/>
    /// is <c>first</c>.</summary>
    public const string KeyedIdSecretVariable = "TRACKINGPIXEL_KEYED_ID_SECRET";

    /// <summary>How many proxies you run in front whose <c>X-Forwarded-For</c> entries to trust; 0 uses API Gateway's
    /// <c>sourceIp</c>.</summary>
    public const string TrustedProxyCountVariable = "TRACKINGPIXEL_TRUSTED_PROXY_COUNT";

    /// <summary>
    /// The pixel's path, such as <c>/o/{campaign}/{recipient}.gif</c>; other paths get a 404 and no record, and each
    /// route parameter becomes a record field of the same name. Unset: every path gets the pixel.
    /// </summary>
    public const string PathVariable = ReferenceEndpoints.PixelPathVariable;

    /// <summary>
    /// The header <see cref="TrustedProxyCountVariable"/> applies to: <c>X-Forwarded-For</c> unless set, or
    /// <c>CloudFront-Viewer-Address</c> behind CloudFront.
    /// </summary>
    public const string ForwardedForHeaderVariable = "TRACKINGPIXEL_FORWARDED_FOR_HEADER";

    /// <summary>Registers the reference record (the original's five fields) and its publisher.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="environment">Reads an environment variable; <see
    /// cref="Environment.GetEnvironmentVariable(string)"/> in the function.</param>
    /// <returns>The TrackingPixel builder.</returns>
    /// <exception cref="InvalidOperationException">Neither a stream nor a folder is configured; Lambda reports it as
    /// an init error.</exception>
    public static ITrackingPixelBuilder AddReferencePixel(
        this IServiceCollection services, Func<string, string?> environment)
    {
        var pixel = services.AddReferenceFields(environment).AddReferenceEndpoints(environment);
        var stream = environment(StreamNameVariable);
        var kinesis = environment(KinesisStreamVariable);
        var folder = environment(RecordsDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(stream) && !string.IsNullOrWhiteSpace(kinesis))
        {
            // Two sinks named: guessing one would silently leave the other empty.
            throw new InvalidOperationException($"Set {StreamNameVariable} or {KinesisStreamVariable}, not both.");
        }

        if (!string.IsNullOrWhiteSpace(stream))
        {
            return pixel.UseFirehosePublisher(o => o.DeliveryStreamName = stream);
        }

        if (!string.IsNullOrWhiteSpace(kinesis))
        {
            return pixel.UseKinesisPublisher(o => o.Stream = kinesis);
        }

        if (!string.IsNullOrWhiteSpace(folder))
        {
            return pixel.UseFilePublisher(o => o.Directory = folder);
        }

        // No silent default: in Lambda only /tmp is writable, and files there vanish with the environment.
        throw new InvalidOperationException(
            $"Set {StreamNameVariable} to the Firehose delivery stream's name, {KinesisStreamVariable} to a Kinesis "
            + $"stream's name or ARN, or {RecordsDirectoryVariable} to a folder, for local runs.");
    }

    /// <summary>Registers the reference record's fields only: the original's five, plus the privacy-first ones when
    /// asked for.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The TrackingPixel builder.</returns>
    public static ITrackingPixelBuilder AddReferenceFields(
        this IServiceCollection services, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var pixel = services
            .AddTrackingPixel(o =>
            {
                o.ClientIp.TrustedProxyCount = WholeNumber(environment, TrustedProxyCountVariable);
                if (environment(ForwardedForHeaderVariable) is { Length: > 0 } header)
                {
                    o.ClientIp.ForwardedForHeader = header;
                }
            })
            .AddStandardFields();

        // Route parameters are fields too, so the Athena table generated from these fields has their columns.
        foreach (var parameter in RouteParameters(environment(PathVariable)))
        {
            pixel.AddRouteField(parameter, parameter);
        }

        if (string.Equals(environment(PrivacyVariable), "first", StringComparison.OrdinalIgnoreCase))
        {
            AddPrivacyFirst(pixel, environment);
        }

        return pixel;
    }

    /// <summary>The privacy-first additions of docs/privacy.md: eventId, classification, consent, a keyed id instead
    /// of userId, masked IP.</summary>
    private static void AddPrivacyFirst(ITrackingPixelBuilder pixel, Func<string, string?> environment) => pixel
        .AddEventIdField()
        .AddAgentClassification()
        .AddConsentSignals(ConsentPolicy.StripIdentifiers)
        .AddKeyedId("userKey", o =>
        {
            o.Secret = environment(KeyedIdSecretVariable);
            o.Inputs.Add("query:userid");
            o.RemoveFields.Add("userId");
        })
        .AddClientIpMasking();

    private static IEnumerable<string> RouteParameters(string? path) => string.IsNullOrEmpty(path)
        ? []
        : RouteParameter().Matches(path).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();

    private static int WholeNumber(Func<string, string?> environment, string name)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        // A malformed value fails init (reported to /runtime/init/error) rather than silently using the default.
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{name} is '{text}'; set it to a whole number.");
    }
}
