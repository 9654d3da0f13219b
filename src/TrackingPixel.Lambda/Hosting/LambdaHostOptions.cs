using System.Globalization;
using Microsoft.Extensions.Logging;
using TrackingPixel.Lambda.Logging;

namespace TrackingPixel.Lambda;

/// <summary>Options of the Lambda Runtime API host; each defaults to what Lambda sets in the environment.</summary>
public sealed class LambdaHostOptions
{
    private const int MaxConcurrencyLimit = 1600;

    /// <summary>Gets or sets the Runtime API's <c>host:port</c>.</summary>
    /// <value>Defaults to <c>AWS_LAMBDA_RUNTIME_API</c>; required.</value>
    public string? RuntimeApi { get; set; } = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");

    /// <summary>
    /// Gets or sets a value indicating whether log lines are JSON objects (<c>timestamp</c>, <c>level</c>,
    /// <c>requestId</c>, <c>message</c>) rather than text.
    /// </summary>
    /// <value>Defaults to <see langword="true"/> when <c>AWS_LAMBDA_LOG_FORMAT</c> is <c>JSON</c> (any case).</value>
    public bool JsonLogs { get; set; } =
        string.Equals(
            Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_FORMAT"), "JSON", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets or sets the least severe level written.</summary>
    /// <value>Defaults to <c>AWS_LAMBDA_LOG_LEVEL</c> (TRACE, DEBUG, INFO, WARN, ERROR, FATAL), or Information.</value>
    public LogLevel MinimumLogLevel { get; set; } = LambdaLogLine.ParseLevel(
        Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL"));

    /// <summary>
    /// Gets or sets the time kept free before the invocation's deadline when publishing the record after the response.
    /// </summary>
    /// <value>
    /// Defaults to 250 milliseconds; from zero to one minute. A record not published by then goes to the
    /// undelivered-record sink.
    /// </value>
    public TimeSpan PublishSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets how many invocations the host serves at once, each in its own invocation loop.</summary>
    /// <value>
    /// Defaults to <c>AWS_LAMBDA_MAX_CONCURRENCY</c>, which Lambda Managed Instances set, or 1 (standard Lambda); from
    /// 1 to 1,600, the most CloudFormation allows for PerExecutionEnvironmentMaxConcurrency. Above 1, records of
    /// concurrent invocations share publish calls and the host does not set the process-wide <c>_X_AMZN_TRACE_ID</c>,
    /// which would name only one of them.
    /// </value>
    public int MaxConcurrency { get; set; } =
        ReadConcurrency(Environment.GetEnvironmentVariable("AWS_LAMBDA_MAX_CONCURRENCY"));

    /// <summary>Gets or sets how long invocations in progress may still publish once asked to stop (SIGTERM).</summary>
    /// <value>
    /// Defaults to 1.5 seconds; from zero to one minute. Records not published by then go whole to the
    /// undelivered-record sink before the process exits.
    /// </value>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Gets or sets where log lines go; standard output unless a test captures them.</summary>
    internal TextWriter? LogOutput { get; set; }

    internal string? Validate()
    {
        if (string.IsNullOrWhiteSpace(RuntimeApi))
        {
            return "AWS_LAMBDA_RUNTIME_API is not set: "
                + "the Lambda host runs only inside Lambda (or an emulator that sets it).";
        }

        if (RuntimeApi.Contains('/', StringComparison.Ordinal)
            || !Uri.TryCreate($"http://{RuntimeApi}/", UriKind.Absolute, out _))
        {
            return $"The Runtime API address '{RuntimeApi}' is not a host:port.";
        }

        if (MaxConcurrency is < 1 or > MaxConcurrencyLimit)
        {
            return $"MaxConcurrency (AWS_LAMBDA_MAX_CONCURRENCY) is {MaxConcurrency}; " +
                $"set it between 1 and {MaxConcurrencyLimit}.";
        }

        return OutOfRange(PublishSafetyMargin, nameof(PublishSafetyMargin))
            ?? OutOfRange(ShutdownGracePeriod, nameof(ShutdownGracePeriod));
    }

    private static string? OutOfRange(TimeSpan value, string name) =>
        value < TimeSpan.Zero || value > TimeSpan.FromMinutes(1)
            ? $"{name} is {value}; set it between zero and one minute."
            : null;

    // Unset means standard Lambda; a value that is not a number fails validation (0) rather than silently meaning 1.
    private static int ReadConcurrency(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 1
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : 0;
}
