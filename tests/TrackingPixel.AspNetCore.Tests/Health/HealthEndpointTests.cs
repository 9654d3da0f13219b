using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrackingPixel.AspNetCore.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.AspNetCore.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Ready_WritableRecordsFolder_IsHealthy()
    {
        await using var server = await Start();

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Get(server, "/healthz/ready"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Get(server, "/healthz"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Get(server, "/healthz/live"));
    }

    [Fact]
    public async Task Ready_RecordsFolderThatCannotBeCreated_IsUnhealthyWhileLiveStaysHealthy()
    {
        // A regular file where the folder should be: not creatable, even for root.
        var blocker = Path.GetTempFileName();
        await using var server = await Start(
            b => b.UseFilePublisher(o => o.Directory = Path.Combine(blocker, "records")));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await Get(server, "/healthz/ready"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Get(server, "/healthz/live"));
        File.Delete(blocker);
    }

    [Fact]
    public async Task Ready_AfterARecordIsLost_IsUnhealthyForAMinuteAndTheLossIsCounted()
    {
        var time = new FakeTimeProvider(PixelServer.Time);
        await using var server = await Start(
            b => b.UsePublisher(_ => new FailingPublisher()).UseUndeliveredRecordSink(new FailingSink()),
            s => s.AddSingleton<TimeProvider>(time));

        Assert.Equal(HttpStatusCode.OK, (await Get(server, "/healthz/ready")).Status);
        using (var pixel = await server.Client.GetAsync(new Uri("/pixel.gif", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, pixel.StatusCode);
        }

        Assert.Equal(1, server.App.Services.GetRequiredService<PixelPipeline>().Metrics.RecordsLost);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await Get(server, "/healthz/ready"));
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Get(server, "/healthz/ready"));
    }

    [Fact]
    public void AddTrackingPixelReadiness_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TrackingPixelHealthCheckExtensions.AddTrackingPixelReadiness(null!));
        Assert.Throws<ArgumentNullException>(() => TrackingPixelHealthCheckExtensions.MapTrackingPixelHealth(null!));
    }

    private static Task<PixelServer> Start(
        Action<ITrackingPixelBuilder>? configure = null, Action<IServiceCollection>? services = null) =>
        PixelServer.StartAsync(
            configure,
            app => app.MapTrackingPixelHealth(),
            s =>
            {
                s.AddHealthChecks().AddTrackingPixelReadiness();
                services?.Invoke(s);
            });

    private static async Task<(HttpStatusCode Status, string Body)> Get(PixelServer server, string path)
    {
        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private sealed class FailingPublisher : IRecordPublisher
    {
        public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
            throw new IOException("No space left on device");

        public ValueTask PublishAsync(
            IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken) =>
            throw new IOException("No space left on device");
    }

    private sealed class FailingSink : IUndeliveredRecordSink
    {
        public void Write(ReadOnlySpan<byte> record, string reason) => throw new IOException("No space left on device");
    }
}
