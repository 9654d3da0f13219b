namespace TrackingPixel;

/// <summary>
/// A user-agent token as a rule writes it: <c>^</c> anchors it at the start, <c>*</c> at an end lets it run into a
/// longer word.
/// </summary>
/// <remarks>
/// Without <c>*</c>, a letter or digit at either end of the token must meet a word boundary (start, end, or a
/// character that is not an ASCII letter or digit), so <c>CUBOT</c> never matches <c>*bot</c> by accident of
/// substring and <c>Spider</c> is not found inside <c>Spiderman</c>.
/// </remarks>
internal sealed record TokenPattern(string Text, bool Anchored, bool LeftOpen, bool RightOpen, bool MatchCase)
{
    /// <summary>
    /// Parses <paramref name="pattern"/>; returns <see langword="null"/> when it is not printable ASCII around a
    /// non-empty token.
    /// </summary>
    public static TokenPattern? Parse(string pattern, bool matchCase)
    {
        var text = pattern.AsSpan();
        var anchored = text.StartsWith("^");
        text = anchored ? text[1..] : text;
        var leftOpen = text.StartsWith("*");
        text = leftOpen ? text[1..] : text;
        var rightOpen = text.EndsWith("*");
        text = rightOpen ? text[..^1] : text;
        if (text.IsEmpty || (anchored && leftOpen) || text.ContainsAny("*^") || text.ContainsAnyExceptInRange(' ', '~'))
        {
            return null;
        }

        return new TokenPattern(text.ToString(), anchored, leftOpen, rightOpen, matchCase);
    }

    /// <summary>
    /// Says whether the token, found case-insensitively so that it ends just before <paramref name="end"/>, matches
    /// there.
    /// </summary>
    public bool Accepts(ReadOnlySpan<char> userAgent, int end)
    {
        var start = end - Text.Length;
        if (Anchored && start != 0)
        {
            return false;
        }

        if (!LeftOpen && start > 0
            && char.IsAsciiLetterOrDigit(Text[0]) && char.IsAsciiLetterOrDigit(userAgent[start - 1]))
        {
            return false;
        }

        if (!RightOpen && end < userAgent.Length
            && char.IsAsciiLetterOrDigit(Text[^1]) && char.IsAsciiLetterOrDigit(userAgent[end]))
        {
            return false;
        }

        return !MatchCase || userAgent.Slice(start, Text.Length).SequenceEqual(Text);
    }
}
