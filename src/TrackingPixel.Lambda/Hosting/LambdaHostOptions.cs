using Microsoft.Extensions.Logging;
using TrackingPixel.Lambda.Logging;

namespace TrackingPixel.Lambda;

/// <summary>Options of the Lambda Runtime API host; each defaults to what Lambda sets in the environment.</summary>
public sealed class LambdaHostOptions
{
    /// <summary>Gets or sets the Runtime API's <c>host:port</c>.</summary>
    /// <value>Defaults to <c>AWS_LAMBDA_RUNTIME_API</c>; required.</value>
    public string? RuntimeApi { get; set; } = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");

    /// <summary>Gets or sets a value indicating whether log lines are JSON objects (<c>timestamp</c>, <c>level</c>, <c>requestId</c>, <c>message</c>) rather than text.</summary>
    /// <value>Defaults to <see langword="true"/> when <c>AWS_LAMBDA_LOG_FORMAT</c> is <c>JSON</c> (any case).</value>
    public bool JsonLogs { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_FORMAT"), "JSON", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets or sets the least severe level written.</summary>
    /// <value>Defaults to <c>AWS_LAMBDA_LOG_LEVEL</c> (TRACE, DEBUG, INFO, WARN, ERROR, FATAL), or Information.</value>
    public LogLevel MinimumLogLevel { get; set; } = LambdaLogLine.ParseLevel(Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL"));

    /// <summary>Gets or sets the time kept free before the invocation's deadline when publishing the record after the response.</summary>
    /// <value>Defaults to 250 milliseconds; from zero to one minute. A record not published by then goes to the undelivered-record sink.</value>
    public TimeSpan PublishSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets where log lines go; standard output unless a test captures them.</summary>
    internal TextWriter? LogOutput { get; set; }

    internal string? Validate()
    {
        if (string.IsNullOrWhiteSpace(RuntimeApi))
        {
            return "AWS_LAMBDA_RUNTIME_API is not set: the Lambda host runs only inside Lambda (or an emulator that sets it).";
        }

        if (RuntimeApi.Contains('/', StringComparison.Ordinal) || !Uri.TryCreate($"http://{RuntimeApi}/", UriKind.Absolute, out _))
        {
            return $"The Runtime API address '{RuntimeApi}' is not a host:port.";
        }

        return PublishSafetyMargin < TimeSpan.Zero || PublishSafetyMargin > TimeSpan.FromMinutes(1)
            ? $"PublishSafetyMargin is {PublishSafetyMargin}; set it between zero and one minute."
            : null;
    }
}
