using Microsoft.Extensions.DependencyInjection;

namespace TrackingPixel.Tests.Privacy;

/// <summary>The privacy-first configuration docs/privacy.md shows, shared by the snapshot and property tests.</summary>
public static class PrivacyFirstConfiguration
{
    public const string SecretVariable = "TRACKINGPIXEL_TEST_KEYED_ID_SECRET";

    // Test-only key, never used outside these tests.
    public const string Secret = "test-only-secret-0123456789abcdef0123456789";

    public static void Apply(ITrackingPixelBuilder builder, string relayRangesFile)
    {
        Environment.SetEnvironmentVariable(SecretVariable, Secret);
        builder
            .AddStandardFields()
            .AddEventIdField()
            .AddRefererField()
            .AddLanguageField()
            .AddAgentClassification(o => o.RelayRangesFile = relayRangesFile)
            .AddConsentSignals(ConsentPolicy.StripIdentifiers)
            .AddKeyedId("visitorId", o =>
            {
                o.SecretEnvironmentVariable = SecretVariable;
                o.Inputs.Add("ip");
                o.Inputs.Add("header:User-Agent");
            })
            .AddKeyedId("userKey", o =>
            {
                o.SecretEnvironmentVariable = SecretVariable;
                o.Inputs.Add("query:userid");
                o.RemoveFields.Add("userId");
            })
            .AddClientIpMasking();
    }
}
