
namespace TrackingPixel;

/// <summary>
/// Removes raw fields once every extractor has run, such as <c>userId</c> replaced by its keyed form.
/// </summary>
internal sealed class RemoveFieldsPolicy(IReadOnlyList<string> fields) : IRecordPolicy
{
    public void Apply(PixelRequest request, RecordBuilder record)
    {
        foreach (var field in fields)
        {
            record.Remove(field);
        }
    }
}
