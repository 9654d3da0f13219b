using System.Buffers;
using TrackingPixel.Lambda.Events;
using TrackingPixel.Lambda.Responses;

namespace TrackingPixel.Lambda.Runtime;

/// <summary>The beacon and click endpoints in Lambda: the same answers as the ASP.NET Core ones, as proxy
/// responses.</summary>
internal sealed class EventEndpoints(PixelPipeline pipeline, BeaconOptions beacons, ClickLinkSigner? clicks)
{
    private static readonly KeyValuePair<string, string>[] NoStore = [new("Cache-Control", "no-store")];

    public InvocationOutcome Beacon(
        PixelRequest request, EventBody? body, ReadOnlySpan<byte> payload, LambdaEventKind kind)
    {
        var headers = new List<KeyValuePair<string, string>>(NoStore) { new("Vary", "Origin") };
        var preflight = request.Method == "OPTIONS";
        if (request.Headers.TryGetValue("Origin", out var origin) && beacons.IsOriginAllowed(origin))
        {
            // Echoed rather than "*": sendBeacon sends credentials, and "*" is refused for credentialed requests.
            headers.Add(new("Access-Control-Allow-Origin", origin));
            headers.Add(new("Access-Control-Allow-Credentials", "true"));
            if (preflight)
            {
                headers.Add(new("Access-Control-Allow-Methods", "POST"));
                headers.Add(new("Access-Control-Allow-Headers", "Content-Type"));
                headers.Add(new("Access-Control-Max-Age", "600"));
            }
        }

        if (preflight || request.Method != "POST")
        {
            return new InvocationOutcome(ProxyResponse.Write(kind, preflight ? 204 : 404, headers, null), null);
        }

        var buffer = Array.Empty<byte>();
        var length = 0;
        try
        {
            if (body is not null && !body.TryDecode(payload, beacons.MaxBodyBytes, out buffer, out length))
            {
                pipeline.ReportRefused(request.RequestId, $"beacon body over {beacons.MaxBodyBytes} bytes; 413");
                return new InvocationOutcome(ProxyResponse.Write(kind, 413, headers, null), null);
            }

            request.Headers.TryGetValue("Content-Type", out var contentType);
            var parsed = RequestBody.Parse(buffer.AsSpan(0, length), contentType);
            var record = pipeline.Collect(With(request, parsed));
            return new InvocationOutcome(ProxyResponse.Write(kind, 204, headers, null), record);
        }
        finally
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public InvocationOutcome Click(PixelRequest request, LambdaEventKind kind)
    {
        List<KeyValuePair<string, string>> headers = [.. NoStore, new("Referrer-Policy", "no-referrer")];
        if (request.Method is not ("GET" or "HEAD"))
        {
            return new InvocationOutcome(ProxyResponse.Write(kind, 404, headers, null), null);
        }

        Uri? target = null;
        var status = clicks?.Verify(request.Query, out target) ?? ClickLinkStatus.UnknownKey;
        if (status != ClickLinkStatus.Valid || target is null)
        {
            pipeline.ReportRefused(request.RequestId, $"click link is {status}");
            if (clicks?.FallbackUrl is { } fallback)
            {
                headers.Add(new("Location", fallback.AbsoluteUri));
                return new InvocationOutcome(ProxyResponse.Write(kind, 302, headers, null), null);
            }

            headers.Add(new("Content-Type", "text/plain; charset=utf-8"));
            return new InvocationOutcome(ProxyResponse.Write(kind, 400, headers, InvalidLink), null);
        }

        headers.Add(new("Location", target.AbsoluteUri));
        return new InvocationOutcome(ProxyResponse.Write(kind, 302, headers, null), pipeline.Collect(request));
    }

    private static readonly string InvalidLink = Convert.ToBase64String("This link is not valid.\n"u8);

    private static PixelRequest With(PixelRequest request, RequestBody body) => new()
    {
        Method = request.Method,
        Path = request.Path,
        RawQuery = request.RawQuery,
        Query = request.Query,
        Headers = request.Headers,
        PeerAddress = request.PeerAddress,
        Timestamp = request.Timestamp,
        RequestId = request.RequestId,
        RouteValues = request.RouteValues,
        EventType = request.EventType,
        Body = body,
    };
}
