using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackingPixel.Lambda.Logging;

namespace TrackingPixel.Lambda.Hosting;

/// <summary>Builds the user's services with Lambda logging, validated as a generic host would on start.</summary>
internal static class PixelServices
{
    /// <exception cref="OptionsValidationException">An option registered with <c>ValidateOnStart</c> is invalid.</exception>
    public static ServiceProvider Build(Action<IServiceCollection> configure, LambdaLoggerProvider logs, LogLevel minimumLevel)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(minimumLevel));
        configure(services);
        var provider = services.BuildServiceProvider();
        try
        {
            // No generic host runs in Lambda, so ValidateOnStart is honoured here: bad options fail init, not the
            // first request.
            provider.GetService<IStartupValidator>()?.Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
