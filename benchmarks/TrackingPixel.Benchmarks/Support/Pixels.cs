using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Sample.Lambda;

namespace TrackingPixel.Benchmarks.Support;

/// <summary>The record configurations the benchmarks time, built through the same registration users write.</summary>
internal static class Pixels
{
    /// <summary>A 32-byte secret for keyed identifiers; benchmark-only, never a real one.</summary>
    public const string Secret = "benchmark-secret-benchmark-secret-0123";

    /// <summary>The original's five fields.</summary>
    public static ServiceProvider Original() => Build(p => p.AddStandardFields());

    /// <summary>The reference sample's privacy-first record, registered by the sample itself: the five fields plus
    /// eventId, classification, consent, a keyed id in place of userId and a masked address.</summary>
    public static ServiceProvider PrivacyFirst()
    {
        var services = new ServiceCollection();
        services.AddReferenceFields(name => name switch
        {
            ReferencePixel.PrivacyVariable => "first",
            ReferencePixel.KeyedIdSecretVariable => Secret,
            _ => null,
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Every built-in extractor once, for timing them one by one.</summary>
    public static ServiceProvider Everything() => Build(p => p
        .AddStandardFields()
        .AddEventIdField()
        .AddAgentClassification()
        .AddConsentSignals(ConsentPolicy.RecordFlag)
        .AddKeyedId("userKey", o =>
        {
            o.Secret = Secret;
            o.Inputs.Add("query:userid");
        })
        .AddRefererField()
        .AddLanguageField()
        .AddCloudFrontViewerFields()
        .AddQueryField("campaign", "utm_campaign")
        .AddHeaderField("accept", "accept"));

    /// <summary>A record of <paramref name="count"/> query fields, <c>f0</c>… in registration order.</summary>
    public static ServiceProvider QueryFields(int count) => Build(p =>
    {
        for (var i = 0; i < count; i++)
        {
            p.AddQueryField($"f{i}", $"f{i}");
        }
    });

    public static PixelPipeline Pipeline(this ServiceProvider services) => services.GetRequiredService<PixelPipeline>();

    private static ServiceProvider Build(Action<ITrackingPixelBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddTrackingPixel());
        return services.BuildServiceProvider();
    }
}
