using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackingPixel.Lambda.Responses;
using TrackingPixel.Lambda.Runtime;
using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Hosting;

/// <summary>Drives the host over real HTTP against a fake Runtime API on 127.0.0.1.</summary>
/// <remarks>In the host collection, so its tests run one at a time: the host sets <c>_X_AMZN_TRACE_ID</c>.</remarks>
[Collection(HostCollection.Name)]
public class LambdaHostTests
{
    [Fact]
    public async Task RunAsync_EachEventKind_PostsItsEnvelopeAndPublishesOneRecord()
    {
        await using var run = await HostRun.StartAsync();
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-v2");
        run.Api.Enqueue(Some.Fixture("rest-api-v1.json"), "id-v1");
        run.Api.Enqueue(Some.Fixture("function-url.json"), "id-url");

        Assert.Equal(0, await run.StopWhenWaitingAsync(4));

        Assert.Equal(ProxyResponse.HttpApiV2.ToArray(), Response(run, "id-v2").Body);
        Assert.Equal(ProxyResponse.RestApiV1.ToArray(), Response(run, "id-v1").Body);
        Assert.Equal(ProxyResponse.HttpApiV2.ToArray(), Response(run, "id-url").Body);
        Assert.All(
            run.Api.Posts("/response"),
            p => Assert.StartsWith("application/json", p.Headers["Content-Type"], StringComparison.Ordinal));
        Assert.Collection(
            run.Publisher.Records,
            r => Assert.Contains("\"userId\":\"aws_user\"", r, StringComparison.Ordinal),
            r => Assert.Contains("\"userId\":\"rest_user\"", r, StringComparison.Ordinal),
            r => Assert.Contains("\"userId\":\"url user\"", r, StringComparison.Ordinal));
        Assert.Empty(run.Api.Posts("/error"));
        Assert.Empty(run.Sink.Records);
    }

    [Fact]
    public async Task RunAsync_Invocation_PostsTheResponseBeforePublishingAndAsksForTheNextEventOnlyAfter()
    {
        await using var run = await HostRun.StartAsync();
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-1");

        var secondNext = await run.Api.WaitForNextAsync(2);

        var response = Response(run, "id-1");
        var published = Assert.Single(run.Publisher.Calls);
        Assert.True(
            response.Tick < published.StartTick,
            $"response received at {response.Tick}, publishing started at {published.StartTick}");
        Assert.True(
            published.EndTick < secondNext.Tick,
            $"publishing ended at {published.EndTick}, next requested at {secondNext.Tick}");
    }

    [Fact]
    public async Task RunAsync_PublishingInProgress_ResponseIsAlreadyPostedAndNextEventIsNotYetRequested()
    {
        var publisher = new GatedPublisher();
        await using var run = await HostRun.StartAsync(configure: (services, _) =>
            services.AddTrackingPixel().AddStandardFields().UsePublisher(_ => publisher));
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-1");

        await publisher.Started.WaitAsync(TimeSpan.FromSeconds(60));

        // The host is now inside PublishAsync: the pixel is out, and the environment may not be frozen yet.
        Response(run, "id-1");
        Assert.Single(run.Api.Calls, c => c.Method == "GET");
        publisher.Open();
        await run.Api.WaitForNextAsync(2);
    }

    [Fact]
    public async Task RunAsync_Invocation_SetsTheTraceIdAndBoundsPublishingByTheDeadline()
    {
        await using var run = await HostRun.StartAsync();
        run.Api.Enqueue(
            Some.Fixture("http-api-v2.json"),
            "id-1",
            DateTimeOffset.UtcNow.AddMinutes(10),
            "Root=1-abc;Parent=def;Sampled=1");

        await run.StopWhenWaitingAsync(2);

        var published = Assert.Single(run.Publisher.Calls);
        Assert.Equal("Root=1-abc;Parent=def;Sampled=1", published.TraceId);
        Assert.True(published.TokenCanBeCanceled);
    }

    [Fact]
    public async Task RunAsync_DeadlineAlreadyWithinTheSafetyMargin_ServesThePixelAndKeepsTheRecordForReplay()
    {
        await using var run = await HostRun.StartAsync(options: o => o.PublishSafetyMargin = TimeSpan.FromSeconds(30));
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-late", DateTimeOffset.UtcNow.AddSeconds(1));
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-next");

        await run.StopWhenWaitingAsync(3);

        Assert.Equal(ProxyResponse.HttpApiV2.ToArray(), Response(run, "id-late").Body);
        var kept = Assert.Single(run.Sink.Records);
        Assert.Contains("\"userId\":\"aws_user\"", kept.Record, StringComparison.Ordinal);
        Assert.Equal("publishing ran out of time", kept.Reason);
        Assert.Single(run.Publisher.Records);
    }

    [Theory]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","s3":{}}]}""", "not an HTTP request")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("""{"version":"2.0","rawPath":"/","requestContext":[1,2]}""", "it has no \"requestContext\" object")]
    public async Task RunAsync_EventThatIsNotAnHttpEvent_ReportsAnInvocationErrorAndKeepsServing(
        string payload, string expected)
    {
        await using var run = await HostRun.StartAsync();
        run.Api.Enqueue(Some.Json(payload), "id-bad");
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-good");

        Assert.Equal(0, await run.StopWhenWaitingAsync(3));

        var error = Assert.Single(run.Api.Posts("/invocation/id-bad/error"));
        Assert.Equal("TrackingPixel.UnsupportedEvent", error.Headers["Lambda-Runtime-Function-Error-Type"]);
        using var body = JsonDocument.Parse(error.Body);
        Assert.Equal("TrackingPixel.UnsupportedEvent", body.RootElement.GetProperty("errorType").GetString());
        Assert.Contains(expected, body.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Single(run.Api.Posts("/invocation/id-good/response"));
        Assert.Single(run.Publisher.Records);
        Assert.Contains(
            Lines(run),
            l => l.GetProperty("level").GetString() == "WARN" && l.GetProperty("requestId").GetString() == "id-bad");
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ReportsTheExceptionAsAnInvocationErrorAndKeepsServing()
    {
        await using var run = await HostRun.StartAsync(handler: _ => new ThrowingHandler());
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-1");
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-2");

        Assert.Equal(0, await run.StopWhenWaitingAsync(3));

        Assert.Equal(2, run.Api.Posts("/error").Count);
        var error = run.Api.Posts("/invocation/id-1/error").Single();
        using var body = JsonDocument.Parse(error.Body);
        Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("handler bug", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.StartsWith(
            "application/vnd.aws.lambda.error+json", error.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains(
            Lines(run),
            l => l.GetProperty("level").GetString() == "ERROR" && l.GetProperty("errorType").GetString() ==
                "System.InvalidOperationException");
        Assert.Empty(run.Publisher.Records);
    }

    [Fact]
    public async Task RunAsync_InvalidOptions_ReportsAnInitErrorAndExitsWithoutAskingForEvents()
    {
        await using var run = await HostRun.StartAsync(configure: (services, _) =>
            services.AddTrackingPixel(o => o.MaxRecordBytes = 10).AddStandardFields());

        Assert.Equal(1, await run.ExitCodeAsync());

        var error = Assert.Single(run.Api.Posts("/runtime/init/error"));
        Assert.Equal("Runtime.ConfigInvalid", error.Headers["Lambda-Runtime-Function-Error-Type"]);
        using var body = JsonDocument.Parse(error.Body);
        Assert.Equal("Runtime.ConfigInvalid", body.RootElement.GetProperty("errorType").GetString());
        Assert.Contains(
            "MaxRecordBytes is 10", body.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Api.Calls, c => c.Method == "GET");
        Assert.Contains(Lines(run), l => l.GetProperty("level").GetString() == "FATAL");
    }

    [Theory]
    [InlineData(false, "has no fields to record")]
    [InlineData(true, "configuration bug")]
    public async Task RunAsync_StartUpFails_ReportsAnInitError(bool throwInConfigure, string expected)
    {
        await using var run = await HostRun.StartAsync(configure: (services, _) =>
        {
            services.AddTrackingPixel();
            if (throwInConfigure)
            {
                throw new InvalidOperationException("configuration bug");
            }
        });

        Assert.Equal(1, await run.ExitCodeAsync());

        var error = Assert.Single(run.Api.Posts("/runtime/init/error"));
        Assert.Equal("Runtime.InitError", error.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Contains(expected, error.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(403)]
    public async Task RunAsync_RuntimeApiFailsOnNext_ExitsWithOneAndSaysWhy(int status)
    {
        await using var run = await HostRun.StartAsync();
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-1");
        run.Api.EnqueueFailure(status);

        Assert.Equal(1, await run.ExitCodeAsync());

        Assert.Single(run.Api.Posts("/invocation/id-1/response"));
        Assert.Contains(Lines(run), l => l.GetProperty("level").GetString() == "FATAL"
            && l.GetProperty("message").GetString()!.Contains($"answered {status}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ResponseRejected_StillPublishesTheRecordAndLogsTheStatus()
    {
        await using var run = await HostRun.StartAsync();
        run.Api.PostStatus = 413;
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-1");

        await run.StopWhenWaitingAsync(2);

        Assert.Single(run.Publisher.Records);
        Assert.Contains(
            Lines(run), l => l.GetProperty("message").GetString()!.Contains("answered 413", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_MinimumLevelError_DropsWarnings()
    {
        await using var run = await HostRun.StartAsync(
            options: o => (o.JsonLogs, o.MinimumLogLevel) = (false, LogLevel.Error));
        run.Api.Enqueue(Some.Json("""{"source":"aws.events"}"""), "id-bad");

        await run.StopWhenWaitingAsync(2);

        Assert.Single(run.Api.Posts("/error"));
        Assert.Equal("", run.Logs);
    }

    [Fact]
    public async Task RunAsync_NoRuntimeApi_ExitsWithOneAndLogsWhy()
    {
        await using var run = await HostRun.StartAsync(options: o => o.RuntimeApi = " ");

        Assert.Equal(1, await run.ExitCodeAsync());

        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", run.Logs, StringComparison.Ordinal);
        Assert.Empty(run.Api.Calls);
    }

    [Theory]
    [InlineData("127.0.0.1:9001/path", null, null, null, "is not a host:port")]
    [InlineData(null, -1, null, null, "PublishSafetyMargin")]
    [InlineData(null, null, 0, null, "MaxConcurrency (AWS_LAMBDA_MAX_CONCURRENCY) is 0")]
    [InlineData(null, null, 1601, null, "set it between 1 and 1600")]
    [InlineData(null, null, null, 61, "ShutdownGracePeriod")]
    public async Task RunAsync_InvalidHostOptions_ExitsWithOneAndLogsWhatToFix(
        string? runtimeApi, int? marginSeconds, int? concurrency, int? graceSeconds, string expected)
    {
        await using var run = await HostRun.StartAsync(options: o =>
        {
            o.RuntimeApi = runtimeApi ?? o.RuntimeApi;
            o.PublishSafetyMargin = marginSeconds is { } seconds
                ? TimeSpan.FromSeconds(seconds)
                : o.PublishSafetyMargin;
            o.MaxConcurrency = concurrency ?? o.MaxConcurrency;
            o.ShutdownGracePeriod = graceSeconds is { } grace ? TimeSpan.FromSeconds(grace) : o.ShutdownGracePeriod;
        });

        Assert.Equal(1, await run.ExitCodeAsync());

        Assert.Contains(expected, run.Logs, StringComparison.Ordinal);
        Assert.Empty(run.Api.Calls);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("32", 32)]
    [InlineData("thirty-two", 0)]
    public void MaxConcurrency_ByDefault_IsWhatLambdaSetsInTheEnvironment(string? variable, int expected)
    {
        var before = Environment.GetEnvironmentVariable("AWS_LAMBDA_MAX_CONCURRENCY");
        Environment.SetEnvironmentVariable("AWS_LAMBDA_MAX_CONCURRENCY", variable);
        try
        {
            Assert.Equal(expected, new LambdaHostOptions().MaxConcurrency);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_LAMBDA_MAX_CONCURRENCY", before);
        }
    }

    [Fact]
    public async Task RunAsync_Sigterm_WhileWaitingForAnEvent_ExitsWithZero()
    {
        await using var run = await HostRun.StartAsync();
        run.Api.Enqueue(Some.Fixture("http-api-v2.json"), "id-1");
        await run.Api.WaitForNextAsync(2);

        Assert.Equal(0, await run.TerminateAsync());

        Assert.Single(run.Publisher.Records);
        Assert.Empty(run.Sink.Records);
    }

    [Fact]
    public async Task RunAsync_NullConfigureServices_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => LambdaPixelHost.RunAsync(null!));
    }

    private static FakeRuntimeApi.Call Response(HostRun run, string requestId) =>
        Assert.Single(run.Api.Posts($"/invocation/{requestId}/response"));

    private static List<JsonElement> Lines(HostRun run) =>
        [.. run.Logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    private sealed class ThrowingHandler : IInvocationHandler
    {
        public InvocationOutcome Handle(Invocation invocation) => throw new InvalidOperationException("handler bug");
    }
}
