
namespace TrackingPixel;

/// <summary>Rewrites <c>ip</c> from the resolved client address with its host bits zeroed, or removes it.</summary>
/// <remarks>
/// The masked value is computed from the address the client IP policy chose, never from the field's text, so it cannot
/// disagree with what other rules saw. A field already stripped (by a consent policy) or holding the missing value
/// stays as it is.
/// </remarks>
internal sealed class IpMaskingPolicy(ClientIpResolver resolver, IpMaskingOptions options) : IRecordPolicy
{
    public void Apply(PixelRequest request, RecordBuilder record)
    {
        if (!record.TryGetString(FieldNames.Ip, out _))
        {
            return;
        }

        if (options.DropAddress)
        {
            record.Remove(FieldNames.Ip);
            return;
        }

        var address = record.ClientAddress(resolver, request).Address;
        if (address is not null)
        {
            record.Set(FieldNames.Ip, IpAddressMask.Apply(address, options.Ipv4PrefixLength, options.Ipv6PrefixLength));
        }
    }
}
