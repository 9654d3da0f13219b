using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackingPixel.Lambda.Logging;

namespace TrackingPixel.Lambda.Hosting;

/// <summary>Builds the user's services with Lambda logging, validated as a generic host would on start.</summary>
internal static class PixelServices
{
    /// <summary>
    /// How long, in concurrent mode, a record that finds the publisher idle waits for the records of other invocations.
    /// </summary>
    /// <remarks>
    /// The invocations released by one publisher call come back spread over a few milliseconds (post the response, take
    /// the next event, build the record). Measured with 32 loops (docs/performance.md), 5 ms still split them into a
    /// call of some and a call of the rest, and 10 ms gathered all 32; 20 ms leaves room for a busier machine. It
    /// delays only the loop's next event, never a pixel's response, and a batch goes sooner once every loop's record is
    /// in it.
    /// </remarks>
    public static readonly TimeSpan ConcurrentIdleLinger = TimeSpan.FromMilliseconds(20);

    /// <param name="configure">The user's registrations.</param>
    /// <param name="logs">The host's log provider.</param>
    /// <param name="minimumLevel">The least severe level written.</param>
    /// <param name="concurrency">The number of invocation loops: above 1, the spine gathers their records.</param>
    /// <exception cref="OptionsValidationException">
    /// An option registered with <c>ValidateOnStart</c> is invalid.
    /// </exception>
    public static ServiceProvider Build(
        Action<IServiceCollection> configure, LambdaLoggerProvider logs, LogLevel minimumLevel, int concurrency)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(minimumLevel));
        if (concurrency > 1)
        {
            // Registered before the user's, so a user's own batching options win. Each loop waits for its record before
            // taking the next event, so no batch can hold more records than there are loops.
            services.Configure<TrackingPixelOptions>(options =>
            {
                options.Batching.IdleLinger = ConcurrentIdleLinger;
                options.Batching.MaxCallers = concurrency;
            });
        }

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
