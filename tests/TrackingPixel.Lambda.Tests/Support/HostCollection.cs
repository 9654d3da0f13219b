namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>Host tests run one at a time: the host sets the process-wide <c>_X_AMZN_TRACE_ID</c>.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "Lambda host";
}
