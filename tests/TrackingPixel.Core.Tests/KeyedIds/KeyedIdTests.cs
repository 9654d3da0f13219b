using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.KeyedIds;

public class KeyedIdTests
{
    // Test-only key; the expected ids below were computed independently with Python's hmac module (see each test).
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void AddKeyedId_NotRotated_MatchesKnownAnswer()
    {
        // hmac.new(b"0123456789abcdef0123456789abcdef", struct.pack(">I", 8) + b"aws_user", sha256).hexdigest()
        var id = KeyedIdOf(
            Some.OriginalExampleRequest(),
            o => { o.Inputs.Add("query:userid"); o.RotateDaily = false; o.Length = 64; });

        Assert.Equal("f709a54047412e943cb338aa35a0aa05b1e7c0f42aaf0cd31a98d60bcde44880", id);
    }

    [Fact]
    public void AddKeyedId_RotatedDaily_MatchesKnownAnswerForTheUtcDay()
    {
        // key = hmac(secret, b"trackingpixel/keyed-id/v1/2024-05-01"); hmac(key, struct.pack(">I", 8) + b"aws_user")
        var id = KeyedIdOf(Some.OriginalExampleRequest(), o => { o.Inputs.Add("query:userid"); o.Length = 64; });

        Assert.Equal("69669650b0fc8a5c9adde828ac02e479e3099522f092ea59d77354dca666f1b1", id);
    }

    [Fact]
    public void AddKeyedId_Base64Url_MatchesKnownAnswerTruncated()
    {
        var id = KeyedIdOf(
            Some.OriginalExampleRequest(),
            o => { o.Inputs.Add("query:userid"); o.Encoding = KeyedIdEncoding.Base64Url; o.Length = 22; });

        Assert.Equal("aWaWULD8ilya3egorALkee", id);
    }

    [Fact]
    public void AddKeyedId_AddressAndUserAgent_HashesTheFullResolvedAddressBeforeMasking()
    {
        // Inputs: length-prefixed "203.0.113.7" then the user agent, under the 2024-05-01 day key.
        var id = KeyedIdOf(
            Some.OriginalExampleRequest(),
            o => { o.Inputs.Add("ip"); o.Inputs.Add("header:User-Agent"); },
            mask: true);

        Assert.Equal("d40a1aa0754eb1df2bbcda75046d1a70", id);
    }

    [Fact]
    public void AddKeyedId_OneInputAbsent_HashesItAsAbsent()
    {
        var id = KeyedIdOf(Some.Request(), o => { o.Inputs.Add("ip"); o.Inputs.Add("header:User-Agent"); });

        Assert.Equal("9ee72617e90daa6c3c09ab47db1bf05b", id);
    }

    [Fact]
    public void AddKeyedId_EveryInputAbsent_WritesTheMissingValue()
    {
        var id = KeyedIdOf(Some.Request(), o => o.Inputs.Add("query:userid"));

        Assert.Equal("unknown", id);
    }

    [Fact]
    public void AddKeyedId_ManyThreads_AgreeWithTheKnownAnswer()
    {
        using var services = Services(o => { o.Inputs.Add("query:userid"); o.Length = 64; });
        var ids = new System.Collections.Concurrent.ConcurrentBag<string?>();

        Parallel.For(
            0,
            2_000,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            _ => ids.Add(Collect(services, Some.OriginalExampleRequest())));

        Assert.All(ids, id => Assert.Equal("69669650b0fc8a5c9adde828ac02e479e3099522f092ea59d77354dca666f1b1", id));
    }

    [Fact]
    public void AddKeyedId_SameUtcDay_IsStable()
    {
        using var services = Services(o => o.Inputs.Add("query:userid"));
        var first = Collect(services, Some.OriginalExampleRequest());

        ((FakeTimeProvider)services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromHours(11));
        var second = Collect(services, Some.OriginalExampleRequest());

        Assert.Equal(first, second);
    }

    [Fact]
    public void AddKeyedId_NextUtcDay_Changes()
    {
        using var services = Services(o => o.Inputs.Add("query:userid"));
        var first = Collect(services, Some.OriginalExampleRequest());

        ((FakeTimeProvider)services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromHours(12));
        var second = Collect(services, Some.OriginalExampleRequest());

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void AddKeyedId_DifferentSecrets_Differ()
    {
        var first = KeyedIdOf(Some.OriginalExampleRequest(), o => o.Inputs.Add("query:userid"));
        var second = KeyedIdOf(
            Some.OriginalExampleRequest(),
            o => { o.Inputs.Add("query:userid"); o.Secret = Secret.ToUpperInvariant(); });

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void AddKeyedId_SecretFromEnvironmentVariable_UsesIt()
    {
        var variable = "TRACKINGPIXEL_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Secret);
        try
        {
            var id = KeyedIdOf(
                Some.OriginalExampleRequest(),
                o =>
                {
                    o.Inputs.Add("query:userid");
                    o.Secret = null;
                    o.SecretEnvironmentVariable = variable;
                    o.Length = 64;
                });

            Assert.Equal("69669650b0fc8a5c9adde828ac02e479e3099522f092ea59d77354dca666f1b1", id);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void AddKeyedId_RemoveFields_LeavesOnlyTheKeyedForm()
    {
        var line = Some.RecordOf(Some.OriginalExampleRequest(), b => b.AddStandardFields().AddKeyedId("userKey", o =>
        {
            o.Secret = Secret;
            o.Inputs.Add("query:userid");
            o.RemoveFields.Add("userId");
        }));

        Assert.DoesNotContain("aws_user", line, StringComparison.Ordinal);
        Assert.Contains("\"userKey\":\"69669650b0fc8a5c9adde828ac02e479\"", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short", null, "Secret is 5 bytes long; use at least 32")]
    [InlineData(null, null, "no secret; set SecretEnvironmentVariable")]
    [InlineData(Secret, "SOME_VAR", "both Secret and SecretEnvironmentVariable are set")]
    [InlineData(
        null,
        "TRACKINGPIXEL_TEST_UNSET_VARIABLE",
        "environment variable TRACKINGPIXEL_TEST_UNSET_VARIABLE is not set")]
    public void AddKeyedId_BadSecret_FailsAtStartWithoutShowingIt(string? secret, string? variable, string message)
    {
        using var services = Some.Services(
            b => b.AddKeyedId(
                "visitorId",
                o => { o.Inputs.Add("ip"); o.Secret = secret; o.SecretEnvironmentVariable = variable; }));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PixelPipeline>());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("Keyed id 'visitorId'", error.Message, StringComparison.Ordinal);
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("cookie:x", "input 'cookie:x' is not understood")]
    [InlineData("header:", "input 'header:' is not understood")]
    public void AddKeyedId_BadInput_FailsAtStart(string input, string message)
    {
        using var services =
            Some.Services(b => b.AddKeyedId("visitorId", o => { o.Inputs.Add(input); o.Secret = Secret; }));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PixelPipeline>());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyedIdEncoding.Hex, 65)]
    [InlineData(KeyedIdEncoding.Base64Url, 44)]
    [InlineData(KeyedIdEncoding.Hex, 15)]
    public void AddKeyedId_LengthOutOfRange_FailsAtStart(KeyedIdEncoding encoding, int length)
    {
        using var services = Some.Services(
            b => b.AddKeyedId(
                "visitorId",
                o => { o.Inputs.Add("ip"); o.Secret = Secret; o.Encoding = encoding; o.Length = length; }));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PixelPipeline>());
        Assert.Contains($"Length is {length}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyedIdOptions_ToString_NeverShowsTheSecret()
    {
        var options = new KeyedIdOptions { Secret = Secret };

        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddKeyedId_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(
            () => TrackingPixelBuilderKeyedIdExtensions.AddKeyedId(null!, "id", _ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddTrackingPixel().AddKeyedId("id", null!));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddTrackingPixel().AddKeyedId("", _ => { }));
    }

    private static ServiceProvider Services(Action<KeyedIdOptions> configure, bool mask = false) =>
        Some.Services(b =>
        {
            b.AddStandardFields().AddKeyedId("visitorId", o => { o.Secret = Secret; configure(o); });
            if (mask)
            {
                b.AddClientIpMasking();
            }
        });

    private static string? Collect(ServiceProvider services, PixelRequest request)
    {
        using var record = services.GetRequiredService<PixelPipeline>().Collect(request);
        return JsonDocument.Parse(record!.ToString()).RootElement.GetProperty("visitorId").GetString();
    }

    private static string? KeyedIdOf(PixelRequest request, Action<KeyedIdOptions> configure, bool mask = false)
    {
        using var services = Services(configure, mask);
        return Collect(services, request);
    }
}
