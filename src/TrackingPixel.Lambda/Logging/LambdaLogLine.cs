using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TrackingPixel.Lambda.Runtime;

namespace TrackingPixel.Lambda.Logging;

/// <summary>Formats one log line in Lambda's JSON or text layout.</summary>
internal static class LambdaLogLine
{
    private const int MaxMessageLength = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>AWS's names for the levels, as <c>AWS_LAMBDA_LOG_LEVEL</c> spells them.</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    /// <summary>
    /// Reads <c>AWS_LAMBDA_LOG_LEVEL</c>; anything unrecognised means INFO, as Lambda itself assumes.
    /// </summary>
    public static LogLevel ParseLevel(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    public static string Json(
        DateTimeOffset timestamp,
        LogLevel level,
        string? requestId,
        string category,
        string message,
        Exception? exception)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString(
                "timestamp"u8,
                timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level"u8, LevelName(level));
            if (requestId is not null)
            {
                json.WriteString("requestId"u8, SafeText.Bound(requestId, 256));
            }

            json.WriteString("message"u8, SafeText.Bound(message, MaxMessageLength));
            json.WriteString("category"u8, category);
            if (exception is not null)
            {
                json.WriteString("errorType"u8, exception.GetType().FullName);
                json.WriteString("errorMessage"u8, SafeText.Bound(exception.Message, MaxMessageLength));
                json.WriteStartArray("stackTrace"u8);
                var frames = (exception.StackTrace ?? string.Empty)
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                foreach (var frame in frames)
                {
                    json.WriteStringValue(SafeText.Bound(frame, 1024));
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Text(
        DateTimeOffset timestamp,
        LogLevel level,
        string? requestId,
        string message,
        Exception? exception)
    {
        var line = new StringBuilder(128)
            .Append(timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                .Append('\t')
            .Append(requestId).Append('\t')
            .Append(LevelName(level)).Append('\t')
            .Append(message);
        if (exception is not null)
        {
            line.Append('\n').Append(exception);
        }

        return line.Append('\n').ToString();
    }
}
