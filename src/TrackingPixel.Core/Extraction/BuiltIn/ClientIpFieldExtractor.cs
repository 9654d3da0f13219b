using TrackingPixel.ClientAddress;
using TrackingPixel.Requests;

namespace TrackingPixel.Extraction.BuiltIn;

/// <summary>Sets <c>ip</c> from the client IP policy; an address that does not validate is never recorded as sent.</summary>
internal sealed class ClientIpFieldExtractor(ClientIpResolver resolver) : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        var client = resolver.Resolve(request);
        if (client.Problem is not null)
        {
            record.ReportInputProblem(FieldNames.Ip, client.Problem);
        }

        // A cut address would be a different, wrong address: keep it whole or drop it.
        record.SetWhole(FieldNames.Ip, client.Text);
    }
}
