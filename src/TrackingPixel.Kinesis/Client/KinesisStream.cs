namespace TrackingPixel.Kinesis.Client;

/// <summary>A stream as PutRecords names it: by <c>StreamName</c>, or by <c>StreamARN</c> (which also says the
/// region).</summary>
/// <param name="Name">The stream's name.</param>
/// <param name="Arn">The stream's ARN, when it was given as one.</param>
/// <param name="Region">The region in the ARN.</param>
internal sealed record KinesisStream(string Name, string? Arn, string? Region)
{
    private const int MaxNameLength = 128;

    /// <summary>Reads a stream name or an ARN of the form
    /// <c>arn:partition:kinesis:region:account:stream/name</c>.</summary>
    /// <returns>The stream, or <see langword="null"/> when <paramref name="text"/> is neither.</returns>
    public static KinesisStream? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return IsName(text) ? new KinesisStream(text, null, null) : null;
        }

        var parts = text.Split(':');
        if (parts.Length != 6 || !parts[1].StartsWith("aws", StringComparison.Ordinal) || parts[2] != "kinesis"
            || !IsRegion(parts[3]) || parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit)
            || !parts[5].StartsWith("stream/", StringComparison.Ordinal))
        {
            return null;
        }

        var name = parts[5]["stream/".Length..];
        return IsName(name) ? new KinesisStream(name, text, parts[3]) : null;
    }

    /// <summary>Gets whether <paramref name="region"/> looks like an AWS region code such as
    /// <c>us-east-1</c>.</summary>
    public static bool IsRegion(string region) =>
        region.Length > 0 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
}
