using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Records consent signals and applies a consent policy to opted-out requests.</summary>
public static class TrackingPixelBuilderConsentExtensions
{
    /// <summary>
    /// Records the <c>gpc</c> (<c>Sec-GPC: 1</c>) and <c>dnt</c> (<c>DNT: 1</c>) flags and applies a consent policy to
    /// opted-out requests.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="policy">
    /// What an opted-out request produces: the flagged record, the record without identifiers, or no record.
    /// </param>
    /// <param name="configure">
    /// Sets whether DNT is honoured and which fields are identifiers; see <see cref="ConsentOptions"/>.
    /// </param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// The pixel is served whatever the policy. Stripping runs after every extractor, so it removes keyed ids and the
    /// address whatever order they were added in. Adding it twice adds it once; the last policy given wins.
    /// </remarks>
    public static ITrackingPixelBuilder AddConsentSignals(
        this ITrackingPixelBuilder builder,
        ConsentPolicy policy = ConsentPolicy.RecordFlag,
        Action<ConsentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(
                nameof(policy),
                policy,
                "Use RecordFlag, StripIdentifiers or SkipRecord.");
        }

        var options = builder.Services.AddOptions<ConsentOptions>().Configure(o => o.Policy = policy).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<ConsentOptions>, ConsentOptionsValidator>());
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IFieldExtractor, ConsentSignalsExtractor>(_ => new ConsentSignalsExtractor()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordPolicy, ConsentRecordPolicy>(sp =>
        {
            var consent = sp.GetRequiredService<IOptions<ConsentOptions>>().Value;
            string[] stripped =
            [
                .. consent.StrippedFields
                    .Concat(sp.GetServices<KeyedIdField>().Select(f => f.Name))
                    .Distinct(StringComparer.Ordinal),
            ];
            return new ConsentRecordPolicy(consent, stripped);
        }));
        return builder;
    }
}
