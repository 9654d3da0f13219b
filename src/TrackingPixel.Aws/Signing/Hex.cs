namespace TrackingPixel.Aws;

/// <summary>Lower-case hexadecimal, the encoding SigV4 uses for hashes and signatures.</summary>
internal static class Hex
{
    public static void WriteLower(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        const string digits = "0123456789abcdef";
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = (byte)digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = (byte)digits[bytes[i] & 0xF];
        }
    }
}
