using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrackingPixel;

/// <summary>Derives the key for a UTC day from the secret, so ids from different days cannot be joined.</summary>
/// <remarks>
/// The day key is <c>HMAC-SHA256(secret, "trackingpixel/keyed-id/v1/" + yyyy-MM-dd)</c>: derived, not stored, so there
/// is no salt file to leak and no salt to delete, and every instance of a fleet agrees on it without coordination.
/// Nobody without the secret can compute it, which a fixed public salt would not give.
/// </remarks>
internal static class DailyKey
{
    private const string Label = "trackingpixel/keyed-id/v1/";

    public static byte[] Derive(byte[] secret, DateOnly day) =>
        HMACSHA256.HashData(
            secret,
            Encoding.ASCII.GetBytes(Label + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
