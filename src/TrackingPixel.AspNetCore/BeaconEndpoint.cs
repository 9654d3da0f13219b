using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace TrackingPixel.AspNetCore;

/// <summary>Records a beacon <c>POST</c>: the body read up to the limit, its members visible to the extractors;
/// 204.</summary>
internal sealed class BeaconEndpoint(PixelPipeline pipeline, BeaconOptions options, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";

        // The answer depends on Origin, so a shared cache must not give one origin's answer to another.
        response.Headers.Vary = "Origin";
        var origin = request.Headers.Origin.ToString();
        if (options.IsOriginAllowed(origin))
        {
            // Echoed rather than "*": sendBeacon sends credentials, and "*" is refused for credentialed requests.
            response.Headers.AccessControlAllowOrigin = origin;
            response.Headers.AccessControlAllowCredentials = "true";
            if (HttpMethods.IsOptions(request.Method))
            {
                response.Headers.AccessControlAllowMethods = "POST";
                response.Headers.AccessControlAllowHeaders = "Content-Type";
                response.Headers.AccessControlMaxAge = "600";
            }
        }

        if (HttpMethods.IsOptions(request.Method))
        {
            // A preflight is not a beacon: nothing to record. Without the allow headers the browser refuses the post.
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body.Status != StatusCodes.Status204NoContent)
        {
            response.StatusCode = body.Status;
            return;
        }

        try
        {
            var parsed = RequestBody.Parse(body.Bytes.AsSpan(0, body.Length), request.ContentType);
            using var record = pipeline.Collect(PixelEndpoint.ToPixelRequest(context, time, parsed, EventTypes.Beacon));
            if (record is not null)
            {
                // Published before the answer, as the pixel is: a 204 means the record is stored or kept for replay.
                await pipeline.PublishAsync(record, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body.Bytes);
        }

        response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>Reads the body into a pooled buffer, never more than the limit plus one byte.</summary>
    private async Task<Body> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = options.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            pipeline.ReportRefused(context.TraceIdentifier, TooLarge(limit));
            return new Body([], 0, StatusCodes.Status413PayloadTooLarge);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1L, (request.ContentLength ?? 4096) + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(
                    buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length))
                    .ConfigureAwait(false);
                if (read == 0)
                {
                    return new Body(buffer, length, StatusCodes.Status204NoContent);
                }

                length += read;
                if (length > limit)
                {
                    // A chunked body with no Content-Length: refused once it passes the limit, the rest never read.
                    pipeline.ReportRefused(context.TraceIdentifier, TooLarge(limit));
                    ArrayPool<byte>.Shared.Return(buffer);
                    return new Body([], 0, StatusCodes.Status413PayloadTooLarge);
                }
            }
        }
        catch (Exception exception)
            when (exception is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // The client went away or sent a malformed body: nothing whole to record.
            pipeline.ReportRefused(
                context.TraceIdentifier, $"beacon body could not be read ({exception.Message}); 400");
            ArrayPool<byte>.Shared.Return(buffer);
            return new Body([], 0, StatusCodes.Status400BadRequest);
        }
    }

    private readonly record struct Body(byte[] Bytes, int Length, int Status);

    private static string TooLarge(int limit) => $"beacon body over {limit} bytes; 413";
}
