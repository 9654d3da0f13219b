using System.Collections.ObjectModel;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace TrackingPixel.AspNetCore;

/// <summary>Records one request through the pipeline, then answers with the pixel; nothing in between can stop the
/// pixel.</summary>
internal sealed partial class PixelEndpoint(PixelPipeline pipeline, TimeProvider time, ILogger<PixelEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        PixelRecord? record = null;
        try
        {
            // The pipeline's batching spine publishes it together with the records of concurrent requests, and it
            // is awaited: the pixel is sent once the record is stored or kept. Not RequestAborted: a browser that
            // navigates away has still viewed the pixel. Publishers bound their own time, and the host's graceful
            // shutdown lets in-flight requests finish writing before the file is closed.
            record = pipeline.Collect(ToPixelRequest(context, time));
            if (record is not null)
            {
                await pipeline.PublishAsync(record, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            LogFailed(logger, context.TraceIdentifier, exception);
        }
        finally
        {
            record?.Dispose();
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var header in PixelResponse.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            // No RequestAborted token: asking for it makes the server create a token source per request, and writing to
            // a connection the client has closed completes without error anyway.
            await response.Body.WriteAsync(PixelResponse.Gif, CancellationToken.None).ConfigureAwait(false);
        }
    }

    internal static PixelRequest ToPixelRequest(
        HttpContext context, TimeProvider time, RequestBody? body = null, string eventType = EventTypes.Pixel)
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
            RouteValues = RouteValuesOf(request.RouteValues),
            Body = body ?? RequestBody.Empty,
            EventType = eventType,
        };
    }

    /// <summary>The route's parameters as text; ASP.NET Core has already decoded them.</summary>
    private static IReadOnlyDictionary<string, string> RouteValuesOf(RouteValueDictionary values)
    {
        if (values.Count == 0)
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }

        var text = new Dictionary<string, string>(values.Count, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (Convert.ToString(value, CultureInfo.InvariantCulture) is { } converted)
            {
                text[name] = converted;
            }
        }

        return text;
    }

    [LoggerMessage(1, LogLevel.Error, "Recording pixel request {RequestId} failed; the pixel is still served")]
    private static partial void LogFailed(ILogger logger, string requestId, Exception exception);
}
