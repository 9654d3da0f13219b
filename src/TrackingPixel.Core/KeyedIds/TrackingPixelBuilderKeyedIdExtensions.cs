using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds keyed identifier fields: HMACs of request values under a secret.</summary>
public static class TrackingPixelBuilderKeyedIdExtensions
{
    /// <summary>
    /// Adds a keyed identifier field: HMAC-SHA256 of chosen request values under a secret, rotated daily by default.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="fieldName">The field's name in the record, for example <c>visitorId</c>.</param>
    /// <param name="configure">Sets the inputs and the secret; see <see cref="KeyedIdOptions"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// Options are validated at start-up, the secret included (present, long enough), with messages that never show it.
    /// Adding the same field name twice adds one field with both configurations applied.
    /// </remarks>
    public static ITrackingPixelBuilder AddKeyedId(
        this ITrackingPixelBuilder builder,
        string fieldName,
        Action<KeyedIdOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        ArgumentNullException.ThrowIfNull(configure);

        builder.Services.AddOptions<KeyedIdOptions>(fieldName).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<KeyedIdOptions>, KeyedIdOptionsValidator>());
        if (builder.Services.Any(d =>
                d.ServiceType == typeof(KeyedIdField) && d.ImplementationInstance is KeyedIdField field
                && field.Name == fieldName))
        {
            return builder;
        }

        builder.Services.AddSingleton(new KeyedIdField(fieldName));
        builder.Services.AddSingleton<IFieldExtractor>(sp => new KeyedIdFieldExtractor(
            fieldName,
            sp.GetRequiredService<IOptionsMonitor<KeyedIdOptions>>().Get(fieldName),
            sp.GetRequiredService<ClientIpResolver>(),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IRecordPolicy>(sp =>
            new RemoveFieldsPolicy(
                [.. sp.GetRequiredService<IOptionsMonitor<KeyedIdOptions>>().Get(fieldName).RemoveFields]));
        return builder;
    }
}
