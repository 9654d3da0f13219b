namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures TrackingPixel: the fields of the record, the publisher, and the integrations that extend it.
/// </summary>
/// <remarks>Every plug-in, built-in or third-party, is an extension method on this interface.</remarks>
public interface ITrackingPixelBuilder
{
    /// <summary>Gets the service collection TrackingPixel is registered in.</summary>
    IServiceCollection Services { get; }
}
