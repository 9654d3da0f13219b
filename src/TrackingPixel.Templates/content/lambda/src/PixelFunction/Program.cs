using Microsoft.Extensions.DependencyInjection;
using PixelFunction;
using TrackingPixel.Lambda;

// The Lambda function: the Runtime API host answers each request with the pixel, then publishes its record.
return await LambdaPixelHost.RunAsync(services => services
    .AddTrackingPixel()
    .AddPixelRecord()
    .UsePixelPublisher(Environment.GetEnvironmentVariable));
