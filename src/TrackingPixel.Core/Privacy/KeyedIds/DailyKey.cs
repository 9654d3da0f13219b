using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrackingPixel.Privacy.KeyedIds;

/// <summary>Derives the key for a UTC day from the secret, so ids from different days cannot be joined.</summary>
/// <remarks>
/// The day key is <c>HMAC-SHA256(secret, "trackingpixel/keyed-id/v1/" + yyyy-MM-dd)</c>: derived, not stored, so there is
/// no salt file to leak and no salt to delete, and every instance of a fleet agrees on it without coordination. Nobody
/// without the secret can compute it, which a fixed public salt would not give. Thread-safe: a racing recomputation
/// produces the same key.
/// </remarks>
internal sealed class DailyKey(byte[] secret, TimeProvider time)
{
    private const string Label = "trackingpixel/keyed-id/v1/";

    private Entry? _current;

    public byte[] ForToday()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Day == today)
        {
            return current.Key;
        }

        var next = new Entry(today, Derive(secret, today));
        Volatile.Write(ref _current, next);
        return next.Key;
    }

    internal static byte[] Derive(byte[] secret, DateOnly day) =>
        HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(Label + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private sealed record Entry(DateOnly Day, byte[] Key);
}
