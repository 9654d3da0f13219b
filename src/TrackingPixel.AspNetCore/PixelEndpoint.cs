using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TrackingPixel.Pipeline;
using TrackingPixel.Pixel;
using TrackingPixel.Requests;

namespace TrackingPixel.AspNetCore;

/// <summary>Records one request through the pipeline, then answers with the pixel; nothing in between can stop the pixel.</summary>
internal sealed partial class PixelEndpoint(PixelPipeline pipeline, TimeProvider time, ILogger<PixelEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            // Not RequestAborted: a browser that navigates away has still viewed the pixel. Publishers bound their own
            // time, and the host's graceful shutdown lets in-flight requests finish writing before the file is closed.
            await pipeline.HandleAsync(ToPixelRequest(context, time), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogFailed(logger, context.TraceIdentifier, exception);
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var header in PixelResponse.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(PixelResponse.Gif, context.RequestAborted).ConfigureAwait(false);
        }
    }

    internal static PixelRequest ToPixelRequest(HttpContext context, TimeProvider time)
    {
        var request = context.Request;
        var query = request.QueryString.Value;
        return new PixelRequest
        {
            Method = request.Method,
            Path = request.Path.HasValue ? request.Path.Value! : "/",
            RawQuery = string.IsNullOrEmpty(query) ? string.Empty : query[1..],
            Headers = new HeaderDictionaryRequestHeaders(request.Headers),
            PeerAddress = context.Connection.RemoteIpAddress?.ToString(),
            Timestamp = time.GetUtcNow(),
            RequestId = context.TraceIdentifier,
        };
    }

    [LoggerMessage(1, LogLevel.Error, "Recording pixel request {RequestId} failed; the pixel is still served")]
    private static partial void LogFailed(ILogger logger, string requestId, Exception exception);
}
