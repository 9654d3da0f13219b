
namespace TrackingPixel;

/// <summary>Applies <see cref="ConsentPolicy"/> to an opted-out request once every field is set.</summary>
internal sealed class ConsentRecordPolicy(ConsentOptions options, string[] strippedFields) : IRecordPolicy
{
    public void Apply(PixelRequest request, RecordBuilder record)
    {
        var optedOut = ConsentSignals.GlobalPrivacyControl(request)
            || (options.HonourDoNotTrack && ConsentSignals.DoNotTrack(request));
        if (!optedOut)
        {
            return;
        }

        switch (options.Policy)
        {
            case ConsentPolicy.SkipRecord:
                record.Discard();
                break;
            case ConsentPolicy.StripIdentifiers:
                foreach (var field in strippedFields)
                {
                    record.Remove(field);
                }

                break;
            default:
                break;
        }
    }
}
