using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>
/// A Lambda Runtime API on 127.0.0.1 (port 0) speaking the real wire format: hands out queued events with Lambda's
/// headers on <c>GET /2018-06-01/runtime/invocation/next</c> (long-polling when none is queued) and records every call.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";

    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>();
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly ConcurrentDictionary<string, long> _handedOut = new();
    private readonly SemaphoreSlim _callArrived = new(0);
    private readonly WebApplication _app;

    private FakeRuntimeApi(WebApplication app) => _app = app;

    /// <summary>
    /// One request the runtime made, with the logical time (and <see cref="System.Diagnostics.Stopwatch"/> timestamp)
    /// its body had been fully received.
    /// </summary>
    public sealed record Call(
        long Tick, long Timestamp, string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
    }

    private sealed record Queued(byte[]? Payload, int Status, IReadOnlyDictionary<string, string> Headers);

    /// <summary>The <c>host:port</c> to give the runtime as <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The status answered to result and error posts.</summary>
    public int PostStatus { get; set; } = 202;

    public IReadOnlyList<Call> Calls => [.. _calls];

    /// <summary>When each request id's event was handed out, as a Stopwatch timestamp.</summary>
    public IReadOnlyDictionary<string, long> HandedOut => _handedOut;

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeRuntimeApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses
            .First();
        fake.Address = new Uri(address).Authority;
        return fake;
    }

    /// <summary>Queues an event, with the headers Lambda sends for it.</summary>
    public void Enqueue(byte[] payload, string requestId, DateTimeOffset? deadline = null, string? traceId = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["Lambda-Runtime-Aws-Request-Id"] = requestId,
            ["Lambda-Runtime-Deadline-Ms"] = (deadline ?? DateTimeOffset.UtcNow.AddMinutes(5)).ToUnixTimeMilliseconds()
                .ToString(CultureInfo.InvariantCulture),
            ["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:eu-west-1:123456789012:function:pixel",
            ["Lambda-Runtime-Trace-Id"] = traceId ?? $"Root=1-6655f1d2-{requestId};Parent=53995c3f42cd8ad8;Sampled=1",
        };
        _queue.Writer.TryWrite(new Queued(payload, 200, headers));
    }

    /// <summary>Makes the next <c>GET next</c> answer with <paramref name="status"/> and no event.</summary>
    public void EnqueueFailure(int status) =>
        _queue.Writer.TryWrite(new Queued(null, status, new Dictionary<string, string>()));

    /// <summary>Waits until a call matching <paramref name="match"/> has been recorded.</summary>
    public async Task<Call> WaitForAsync(Func<Call, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_calls.FirstOrDefault(match) is { } call)
            {
                return call;
            }

            try
            {
                await _callArrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"No {what} within 60 s; calls: {string.Join(", ", _calls.Select(c => $"{c.Method} {c.Path}"))}");
            }
        }
    }

    /// <summary>Waits for the <paramref name="count"/>th <c>GET next</c>.</summary>
    public Task<Call> WaitForNextAsync(int count) =>
        WaitForAsync(
            c => c.Method == "GET" && _calls.Count(n => n.Method == "GET" && n.Tick <= c.Tick) == count,
            $"GET next #{count}");

    public IReadOnlyList<Call> Posts(string suffix) =>
        [.. Calls.Where(c => c.Method == "POST" && c.Path.EndsWith(suffix, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _callArrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Record(
            new Call(
                Ticks.Next(),
                System.Diagnostics.Stopwatch.GetTimestamp(),
                request.Method,
                request.Path.Value ?? "",
                headers,
                body.ToArray()));

        var path = request.Path.Value ?? "";
        if (request.Method == "GET" && path == $"{Prefix}/invocation/next")
        {
            await NextAsync(context);
        }
        else if (request.Method == "POST" && path.StartsWith($"{Prefix}/", StringComparison.Ordinal)
                 && (path.EndsWith("/response", StringComparison.Ordinal) || path.EndsWith(
                     "/error", StringComparison.Ordinal)))
        {
            context.Response.StatusCode = PostStatus;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                PostStatus == 202 ? """{"status":"OK"}""" : """{"errorMessage":"rejected","errorType":"Fake"}""");
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private async Task NextAsync(HttpContext context)
    {
        Queued queued;
        try
        {
            queued = await _queue.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            return;
        }

        context.Response.StatusCode = queued.Status;
        foreach (var (name, value) in queued.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (queued.Payload is not null)
        {
            _handedOut[queued.Headers["Lambda-Runtime-Aws-Request-Id"]] = System.Diagnostics.Stopwatch.GetTimestamp();
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(queued.Payload);
        }
        else
        {
            await context.Response.WriteAsync("""{"errorMessage":"container error","errorType":"Runtime.Fake"}""");
        }
    }

    private void Record(Call call)
    {
        _calls.Enqueue(call);
        _callArrived.Release();
    }
}
