using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds machine-open classification.</summary>
public static class TrackingPixelBuilderAgentClassificationExtensions
{
    /// <summary>
    /// Adds <c>agentClass</c> (one of <see cref="AgentClasses"/>) and <c>agentRule</c> (the rule that matched) from
    /// data-driven rules.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="configure">
    /// Sets the rule and relay range files and the classes to drop; see <see cref="AgentClassificationOptions"/>.
    /// </param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// Requests are flagged, never dropped, unless a class is listed in
    /// <see cref="AgentClassificationOptions.DiscardClasses"/>. The files are read and checked at start-up. Adding it
    /// twice adds it once, with both configurations. The classifier is also registered as
    /// <see cref="IAgentClassifier"/>, to classify traffic the same way elsewhere.
    /// </remarks>
    public static ITrackingPixelBuilder AddAgentClassification(
        this ITrackingPixelBuilder builder,
        Action<AgentClassificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AgentClassificationOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<
            IValidateOptions<AgentClassificationOptions>,
            AgentClassificationOptionsValidator>());
        builder.Services.TryAddSingleton<IAgentClassifier>(sp =>
            AgentClassifierLoader.Load(sp.GetRequiredService<IOptions<AgentClassificationOptions>>().Value));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFieldExtractor, AgentClassExtractor>(
            sp => new AgentClassExtractor(
                sp.GetRequiredService<IAgentClassifier>(),
                sp.GetRequiredService<ClientIpResolver>(),
                sp.GetRequiredService<IOptions<AgentClassificationOptions>>().Value)));
        return builder;
    }
}
