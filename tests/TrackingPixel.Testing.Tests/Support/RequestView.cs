using System.Globalization;

namespace TrackingPixel.Testing.Tests.Support;

/// <summary>Writes everything an extractor can read from a request into the record, so two records compare two requests
/// whole.</summary>
public sealed class RequestView : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        record.Set("method", request.Method);
        record.Set("path", request.Path);
        record.Set("rawQuery", request.RawQuery);
        record.Set("query", string.Join("&", request.Query.Select(p => p.Key + "=" + p.Value)));
        record.Set("headers", string.Join("\n", request.Headers
            .Select(h => h.Key.ToLowerInvariant() + ": " + h.Value)
            .Order(StringComparer.Ordinal)));
        record.Set("peer", request.PeerAddress);
        record.Set("timestamp", request.Timestamp.ToString("O", CultureInfo.InvariantCulture));
        record.Set("requestId", request.RequestId);
        record.Set("route", string.Join(",", request.RouteValues.Select(p => p.Key + "=" + p.Value)));
    }
}
