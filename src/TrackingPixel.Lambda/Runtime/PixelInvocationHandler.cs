using TrackingPixel.Lambda.Events;
using TrackingPixel.Lambda.Responses;

namespace TrackingPixel.Lambda.Runtime;

/// <summary>Maps an HTTP event, collects its record and answers with the pixel envelope for that event's payload format.</summary>
/// <remarks>Shared by the Runtime API host and the managed-runtime stream handler, so both answer identically.</remarks>
internal sealed class PixelInvocationHandler(PixelPipeline pipeline, TimeProvider time) : IInvocationHandler
{
    public InvocationOutcome Handle(Invocation invocation) => Handle(invocation.Payload);

    public InvocationOutcome Handle(ReadOnlyMemory<byte> payload)
    {
        var request = EventMapper.Map(payload, time, out var kind);

        // Collect never throws; a null record (discarded by an extractor) still gets the pixel.
        return new InvocationOutcome(ProxyResponse.For(kind), pipeline.Collect(request));
    }
}
