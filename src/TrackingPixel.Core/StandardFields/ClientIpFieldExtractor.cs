
namespace TrackingPixel;

/// <summary>
/// Sets <c>ip</c> from the client IP policy; an address that does not validate is never recorded as sent.
/// </summary>
internal sealed class ClientIpFieldExtractor(ClientIpResolver resolver) : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        var client = record.ClientAddress(resolver, request);
        if (client.Problem is not null)
        {
            record.ReportInputProblem(FieldNames.Ip, client.Problem);
        }

        // A cut address would be a different, wrong address: keep it whole or drop it.
        record.SetWhole(FieldNames.Ip, client.Text);
    }

    public IEnumerable<FieldDescriptor> DescribeFields() =>
    [
        new(FieldNames.Ip, FieldType.Text, "Client address chosen by the client IP policy (the address the platform " +
            "observed unless trusted proxies are configured)."),
    ];
}
