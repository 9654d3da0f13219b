using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Masks or removes the client address in every record.</summary>
public static class TrackingPixelBuilderMaskingExtensions
{
    /// <summary>
    /// Masks the <c>ip</c> field (IPv4 to /24, IPv6 to /48 by default) or removes it, after every extractor has seen
    /// the full address.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="configure">
    /// Sets the prefix lengths or drops the address; see <see cref="IpMaskingOptions"/>.
    /// </param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>Adding it twice applies it once, with both configurations. Options are validated at start-up.</remarks>
    public static ITrackingPixelBuilder AddClientIpMasking(
        this ITrackingPixelBuilder builder,
        Action<IpMaskingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<IpMaskingOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<IpMaskingOptions>, IpMaskingOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordPolicy, IpMaskingPolicy>(
            sp => new IpMaskingPolicy(
                sp.GetRequiredService<ClientIpResolver>(),
                sp.GetRequiredService<IOptions<IpMaskingOptions>>().Value)));
        return builder;
    }
}
