using System.Text;

namespace TrackingPixel.Testing;

/// <summary>One record exactly as the publisher received it: a UTF-8 JSON object and its terminating newline.</summary>
public sealed class PublishedRecord
{
    internal PublishedRecord(ReadOnlySpan<byte> bytes)
    {
        Bytes = bytes.ToArray();
        Text = Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Gets the record's bytes, as Firehose or a file would receive them.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Gets the record decoded as text, newline included.</summary>
    public string Text { get; }

    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The record as text.</returns>
    public override string ToString() => Text;
}
