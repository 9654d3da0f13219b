namespace Microsoft.Extensions.DependencyInjection;

internal sealed class TrackingPixelBuilder(IServiceCollection services) : ITrackingPixelBuilder
{
    public IServiceCollection Services { get; } = services;
}
