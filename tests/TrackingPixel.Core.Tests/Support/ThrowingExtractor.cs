
namespace TrackingPixel.Tests.Support;

/// <summary>An extractor and policy that always throws, as a buggy plug-in would.</summary>
public sealed class ThrowingExtractor : IFieldExtractor, IRecordPolicy
{
    public void Extract(PixelRequest request, RecordBuilder record) =>
        throw new InvalidOperationException("extractor bug");

    public void Apply(PixelRequest request, RecordBuilder record) => throw new InvalidOperationException("policy bug");
}
