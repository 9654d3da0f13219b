using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Lambda.Events;

namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>Builds representative events, requests and pipelines for tests.</summary>
public static class Some
{
    /// <summary>The clock tests use when an event carries no request time.</summary>
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 23, 59, 59, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    /// <summary>The bytes of one of the repository's event fixtures (events/*.json).</summary>
    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", name));

    public static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);

    internal static PixelRequest Map(string json) => Map(Json(json), out _);

    internal static PixelRequest Map(byte[] json, out LambdaEventKind kind) => EventMapper.Map(json, Clock(), out kind);

    /// <summary>The HTTP API fixture for a user of its own, so each event makes a different record.</summary>
    public static byte[] EventFor(int user) => Encoding.UTF8.GetBytes(Encoding.UTF8
        .GetString(Fixture("http-api-v2.json"))
        .Replace("aws_user", $"user-{user}", StringComparison.Ordinal));

    /// <summary>The record, newline included, the standard five fields make of <see cref="EventFor"/>.</summary>
    public static string RecordFor(int user) => RecordOf(Map(EventFor(user), out _));

    /// <summary>
    /// Registers the five standard fields with <paramref name="publisher"/> and <paramref name="sink"/>.
    /// </summary>
    public static void StandardPixel(
        IServiceCollection services, RecordingPublisher publisher, CollectingSink? sink = null)
    {
        var builder = services.AddTrackingPixel().AddStandardFields().UsePublisher(_ => publisher);
        if (sink is not null)
        {
            builder.UseUndeliveredRecordSink(sink);
        }
    }

    /// <summary>The record the standard five fields make of <paramref name="request"/>.</summary>
    public static string RecordOf(PixelRequest request)
    {
        var services = new ServiceCollection();
        StandardPixel(services, new RecordingPublisher());
        using var provider = services.BuildServiceProvider();
        using var record = provider.GetRequiredService<PixelPipeline>().Collect(request);
        return record?.ToString() ?? throw new InvalidOperationException("The request produced no record.");
    }
}
