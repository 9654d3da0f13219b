using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TrackingPixel.AspNetCore;

/// <summary>Verifies a signed click link, records the click and redirects to its target; never an open
/// redirect.</summary>
internal sealed partial class ClickEndpoint(
    PixelPipeline pipeline, ClickLinkSigner signer, TimeProvider time, ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";

        // The link's own parameters (a recipient id) must not leak to the target in its Referer.
        response.Headers["Referrer-Policy"] = "no-referrer";
        var status = signer.Verify(QueryParameters.Parse(context.Request.QueryString.Value), out var target);
        if (status != ClickLinkStatus.Valid || target is null)
        {
            pipeline.ReportRefused(context.TraceIdentifier, $"click link is {status}");
            if (signer.FallbackUrl is { } fallback)
            {
                response.Redirect(fallback.AbsoluteUri);
                return;
            }

            response.StatusCode = StatusCodes.Status400BadRequest;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("This link is not valid.\n").ConfigureAwait(false);
            return;
        }

        try
        {
            using var record = pipeline.Collect(
                PixelEndpoint.ToPixelRequest(context, time, eventType: EventTypes.Click));
            if (record is not null)
            {
                await pipeline.PublishAsync(record, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            // Publishing never throws by contract; whatever else fails, the reader still gets where the link goes.
            LogFailed(logger, context.TraceIdentifier, exception);
        }

        response.Redirect(target.AbsoluteUri);
    }

    [LoggerMessage(2, LogLevel.Error, "Recording click {RequestId} failed; the reader is still redirected")]
    private static partial void LogFailed(ILogger logger, string requestId, Exception exception);
}
