
namespace TrackingPixel;

/// <summary>Reads the opt-out headers: both are the single character <c>1</c> when set.</summary>
internal static class ConsentSignals
{
    public static bool GlobalPrivacyControl(PixelRequest request) => IsOne(request, "Sec-GPC");

    public static bool DoNotTrack(PixelRequest request) => IsOne(request, "DNT");

    private static bool IsOne(PixelRequest request, string header) =>
        request.Headers.TryGetValue(header, out var value) && value.AsSpan().Trim() is "1";
}
