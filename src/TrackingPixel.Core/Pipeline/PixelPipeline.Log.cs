using Microsoft.Extensions.Logging;

namespace TrackingPixel;

public sealed partial class PixelPipeline
{
    private static partial class Log
    {
        [LoggerMessage(
            1,
            LogLevel.Warning,
            "Extractor or policy {Extractor} threw; the record goes out with the fields set so far")]
        public static partial void ExtractorFailed(ILogger logger, string extractor, Exception exception);

        [LoggerMessage(2, LogLevel.Information, "Malformed request data replaced in {Problem} (request {RequestId})")]
        public static partial void InputProblem(ILogger logger, string problem, string? requestId);

        [LoggerMessage(
            3, LogLevel.Error, "The record for request {RequestId} could not be written; the pixel is still served")]
        public static partial void RecordFailed(ILogger logger, string? requestId, Exception exception);

        [LoggerMessage(4, LogLevel.Information, "Request {RequestId} answered without a record: {Reason}")]
        public static partial void Refused(ILogger logger, string? requestId, string reason);
    }
}
