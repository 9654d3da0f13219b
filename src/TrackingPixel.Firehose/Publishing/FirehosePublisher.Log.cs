using Microsoft.Extensions.Logging;

namespace TrackingPixel.Firehose.Publishing;

internal sealed partial class FirehosePublisher
{
    private static partial class Log
    {
        [LoggerMessage(
            1,
            LogLevel.Information,
            "Firehose: sending {Count} records again (attempt {Attempt} failed) in {DelayMs:0} ms: {Reason}")]
        public static partial void Retrying(ILogger logger, int count, int attempt, double delayMs, string reason);

        [LoggerMessage(
            2, LogLevel.Warning, "Firehose: {Failed} of {Total} records not delivered to stream {Stream}: {Reason}")]
        public static partial void NotDelivered(ILogger logger, int failed, int total, string stream, string? reason);
    }
}
