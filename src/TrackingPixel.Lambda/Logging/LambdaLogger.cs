using Microsoft.Extensions.Logging;

namespace TrackingPixel.Lambda.Logging;

/// <summary>One category's logger; levels are filtered by the logging configuration the host sets up.</summary>
internal sealed class LambdaLogger(string category, LambdaLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        provider.Write(logLevel, category, formatter(state, exception), exception);
    }
}
