namespace TrackingPixel.Lambda.Runtime;

/// <summary>
/// Makes arbitrary text safe for <see cref="System.Text.Json.Utf8JsonWriter"/>, which throws on lone surrogates.
/// </summary>
internal static class SafeText
{
    /// <summary>
    /// Replaces lone surrogates with U+FFFD and cuts the text to <paramref name="maxLength"/> characters without
    /// splitting a pair.
    /// </summary>
    public static string Bound(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Length > maxLength)
        {
            var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
            text = text[..cut] + "…";
        }

        if (IsValid(text))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static bool IsValid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
