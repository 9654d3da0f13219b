namespace TrackingPixel;

/// <summary>
/// Sets <c>agentClass</c> and <c>agentRule</c>, and discards the record when its class is configured to be dropped.
/// </summary>
/// <remarks>Address rules use the resolved client address, the same one <c>ip</c> records before any masking.</remarks>
internal sealed class AgentClassExtractor(
    IAgentClassifier classifier,
    ClientIpResolver resolver,
    AgentClassificationOptions options) : IFieldExtractor
{
    private readonly HashSet<string> _discard = new(options.DiscardClasses, StringComparer.Ordinal);

    public void Extract(PixelRequest request, RecordBuilder record)
    {
        request.Headers.TryGetValue("User-Agent", out var userAgent);
        var verdict = classifier.Classify(userAgent, request.Headers, record.ClientAddress(resolver, request).Address);
        record.Set(FieldNames.AgentClass, verdict.Class);
        if (verdict.Rule is null)
        {
            record.SetNull(FieldNames.AgentRule);
        }
        else
        {
            record.Set(FieldNames.AgentRule, verdict.Rule);
        }

        if (_discard.Count > 0 && _discard.Contains(verdict.Class))
        {
            record.Discard();
        }
    }

    public IEnumerable<FieldDescriptor> DescribeFields() =>
    [
        new(FieldNames.AgentClass, FieldType.Text, "Who fetched the pixel: human, mail-proxy, privacy-relay, " +
            "scanner, link-preview, crawler, ai-fetcher, monitoring, automation, prefetch, non-browser, " +
            "or a class a rule file defines."),
        new(FieldNames.AgentRule, FieldType.Text, "The classification rule that matched, " +
            "such as ua:GoogleImageProxy; null when none did."),
    ];
}
