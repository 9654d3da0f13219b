using TrackingPixel;

namespace PixelFunction;

/// <summary>A custom field: where the pixel was embedded, from the <c>ch</c> query parameter; <c>email</c> when
/// absent.</summary>
/// <remarks>Extractors run for every request: keep them allocation-light, and never throw for bad input.</remarks>
public sealed class ChannelExtractor : IFieldExtractor
{
    /// <summary>The record field this extractor writes.</summary>
    public const string FieldName = "channel";

    /// <inheritdoc />
    public void Extract(PixelRequest request, RecordBuilder record) =>
        record.Set(
            FieldName,
            request.Query.TryGetValue("ch", out var channel) && channel.Length > 0 ? channel : "email");

    /// <inheritdoc />
    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(FieldName, FieldType.Text, "Where the pixel was embedded (query parameter ch); email by default.")];
}
