using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds signed click links: a redirect endpoint that records the click, for e-mails and campaigns.</summary>
public static class TrackingPixelBuilderClickLinkExtensions
{
    /// <summary>Registers the keys click links are signed and verified with, and a <see
    /// cref="ClickLinkSigner"/>.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="configure">Adds the keys and, optionally, the fallback URL; see <see
    /// cref="ClickLinkOptions"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// The options are validated at start-up (Lambda init), with messages that never show a key. The click endpoints
    /// (<c>MapTrackingPixelClick</c>, <c>UseLambdaClickPath</c>) need it; resolve <see cref="ClickLinkSigner"/> to sign
    /// links in your own code. Calling it again applies both configurations.
    /// </remarks>
    public static ITrackingPixelBuilder AddClickLinks(
        this ITrackingPixelBuilder builder, Action<ClickLinkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<ClickLinkOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<ClickLinkOptions>, ClickLinkOptionsValidator>());
        builder.Services.TryAddSingleton(sp => new ClickLinkSigner(
            sp.GetRequiredService<IOptions<ClickLinkOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
