using System.Buffers;

namespace TrackingPixel;

/// <summary>Precomputed ASCII character sets for validating header values without allocating.</summary>
internal static class Ascii
{
    public static readonly SearchValues<char> Letters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static readonly SearchValues<char> LettersAndDigits =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
}
