using Microsoft.Extensions.DependencyInjection;

namespace TrackingPixel.AspNetCore;

/// <summary>
/// What every Map… extension takes from the app's services, with one message when TrackingPixel is missing.
/// </summary>
internal static class EndpointServices
{
    public static PixelPipeline Pipeline(IServiceProvider services, string method) =>
        services.GetService<PixelPipeline>()
            ?? throw new InvalidOperationException(
                $"{method} needs TrackingPixel's services: call "
                + "builder.Services.AddTrackingPixel().AddStandardFields() before building the app.");

    public static TimeProvider Time(IServiceProvider services) =>
        services.GetService<TimeProvider>() ?? TimeProvider.System;
}
