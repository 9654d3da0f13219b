using Microsoft.Extensions.Logging;

namespace TrackingPixel.Lambda.Logging;

/// <summary>
/// Writes log lines to standard output, where Lambda collects them: one JSON object per line when the function's log
/// format is JSON (so CloudWatch can filter by level), otherwise AWS's tab-separated text layout.
/// </summary>
internal sealed class LambdaLoggerProvider(
    LambdaLogContext context,
    bool json,
    TextWriter output,
    TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LambdaLogger(categoryName, this);

    public void Dispose()
    {
    }

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = json
            ? LambdaLogLine.Json(time.GetUtcNow(), level, context.RequestId, category, message, exception)
            : LambdaLogLine.Text(time.GetUtcNow(), level, context.RequestId, message, exception);

        // One Write per line through a synchronized writer: lines from concurrent threads never interleave.
        output.Write(line);
    }
}
