
namespace TrackingPixel;

/// <summary>
/// A rule applied to the finished set of fields, after every <see cref="IFieldExtractor"/> has run: for example a
/// consent policy that strips identifiers, or one that discards the record.
/// </summary>
/// <remarks>
/// Policies run in registration order, after all extractors whatever the order they were added in, so a policy sees
/// every field. Like extractors they must be thread-safe, and one that throws is isolated, logged and counted.
/// </remarks>
public interface IRecordPolicy
{
    /// <summary>Applies the policy to <paramref name="record"/>.</summary>
    /// <param name="request">The request being recorded.</param>
    /// <param name="record">The record with every extractor's fields set.</param>
    void Apply(PixelRequest request, RecordBuilder record);
}
