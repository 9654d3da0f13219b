
namespace TrackingPixel;

/// <summary>Sets <c>agentClass</c> and <c>agentRule</c>, and discards the record when its class is configured to be dropped.</summary>
/// <remarks>The relay check uses the resolved client address, the same one <c>ip</c> records before any masking.</remarks>
internal sealed class AgentClassExtractor(AgentClassifier classifier, ClientIpResolver resolver, AgentClassificationOptions options) : IFieldExtractor
{
    private readonly HashSet<string> _discard = new(options.DiscardClasses, StringComparer.Ordinal);

    public void Extract(PixelRequest request, RecordBuilder record)
    {
        var agentClass = classifier.Classify(request, record.ClientAddress(resolver, request).Address, out var rule);
        record.Set(FieldNames.AgentClass, agentClass);
        if (rule is null)
        {
            record.SetNull(FieldNames.AgentRule);
        }
        else
        {
            record.Set(FieldNames.AgentRule, rule);
        }

        if (_discard.Count > 0 && _discard.Contains(agentClass))
        {
            record.Discard();
        }
    }

    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(FieldNames.AgentClass, FieldType.Text, "Who fetched the pixel: human, mail-proxy, privacy-relay, scanner, bot or prefetch."), new(FieldNames.AgentRule, FieldType.Text, "The classification rule that matched, such as ua:GoogleImageProxy; null for human.")];
}
