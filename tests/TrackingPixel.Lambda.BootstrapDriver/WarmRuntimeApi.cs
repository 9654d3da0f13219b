using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>
/// A Lambda Runtime API for warm-loop measurements: hands out <see cref="Count"/> copies of one event, each with its
/// own request id, as fast as the runtime asks, and keeps three timestamps per invocation. The (count + 1)th
/// <c>GET next</c> is held until <see cref="Release"/>, then answered 500, on which a runtime exits.
/// </summary>
/// <remarks>
/// <para>
/// Built to cost as little as possible: HTTP/1.1 over blocking sockets, one thread per connection (the runtime keeps
/// one alive), every header value computed before the run, each answer sent with one <c>send</c>. It understands
/// what a runtime client sends (requests with a Content-Length or no body), not all of HTTP: anything else is
/// recorded as a problem. Measured with the driver's raw-socket client (no pixel work, no HttpClient) on a 2-core
/// VM, the pixel interval was about 20 µs at p50 with it and about 37 µs with Kestrel (the tests' fake's server);
/// what is left is mostly the loopback round trip and two thread wake-ups.
/// </para>
/// <para>
/// One invocation at a time, as Lambda runs a classic environment: calls out of that order are recorded as problems.
/// </para>
/// </remarks>
internal sealed class WarmRuntimeApi : IDisposable, IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;
    private static readonly byte[] NextPath = "/2018-06-01/runtime/invocation/next"u8.ToArray();
    private static readonly byte[] Accepted = Answer("202 Accepted", """{"status":"OK"}""");
    private static readonly byte[] NotFound = Answer("404 Not Found", "");
    private static readonly byte[] Exit = Answer(
        "500 Internal Server Error", """{"errorMessage":"warm loop over","errorType":"Runtime.Fake"}""");

    private readonly byte[] _payload;
    private readonly string[] _requestIds;
    private readonly byte[][] _responsePaths;
    private readonly string[] _traceIds;
    private readonly string _deadline = DateTimeOffset.UtcNow.AddHours(1)
        .ToUnixTimeMilliseconds()
        .ToString(CultureInfo.InvariantCulture);
    private readonly long[] _handedOut;
    private readonly long[] _responded;
    private readonly long[] _nextArrived;
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly ConcurrentBag<Socket> _connections = [];
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly TaskCompletionSource _allServed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _release = new();
    private int _served;
    private int _responses;
    private byte[]? _firstResponse;
    private int _differentResponses;

    private WarmRuntimeApi(byte[] payload, int count, string requestIdPrefix)
    {
        _payload = payload;
        Count = count;
        _requestIds = new string[count];
        _responsePaths = new byte[count][];
        _traceIds = new string[count];
        var epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            _requestIds[i] = string.Create(
                CultureInfo.InvariantCulture, $"{requestIdPrefix}{i:D8}-0000-4000-8000-000000000000");
            _responsePaths[i] = Encoding.ASCII.GetBytes($"/2018-06-01/runtime/invocation/{_requestIds[i]}/response");
            _traceIds[i] = string.Create(
                CultureInfo.InvariantCulture, $"Root=1-{epoch}-{i:x24};Parent=53995c3f42cd8ad8;Sampled=0");
        }

        _handedOut = new long[count];
        _responded = new long[count];
        _nextArrived = new long[count + 1];
    }

    /// <summary>How many events are handed out before the runtime is held and then told to exit.</summary>
    public int Count { get; }

    /// <summary>The <c>host:port</c> to give the runtime as <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Events handed out so far.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>Response posts accepted so far (each for the event last handed out, each once).</summary>
    public int Responses => Volatile.Read(ref _responses);

    /// <summary>
    /// Completes when the runtime asks for the event after the last one: every invocation has been answered and
    /// published.
    /// </summary>
    public Task AllServed => _allServed.Task;

    /// <summary>The body of the first response post (every later one is compared with it).</summary>
    public byte[]? FirstResponse => Volatile.Read(ref _firstResponse);

    /// <summary>Response posts whose body differed from the first one.</summary>
    public int DifferentResponses => Volatile.Read(ref _differentResponses);

    /// <summary>Calls out of the Runtime API's order, unknown paths, error posts, requests it cannot read.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>Stopwatch timestamp just before event <c>i</c>'s <c>GET next</c> answer was sent.</summary>
    public ReadOnlySpan<long> HandedOut => _handedOut;

    /// <summary>Stopwatch timestamp once event <c>i</c>'s response post had been read whole.</summary>
    public ReadOnlySpan<long> Responded => _responded;

    /// <summary>
    /// Stopwatch timestamp when <c>GET next</c> number <c>i</c> (from 0) had been read; entry <c>i + 1</c> ends
    /// invocation <c>i</c>.
    /// </summary>
    public ReadOnlySpan<long> NextArrived => _nextArrived;

    public static Task<WarmRuntimeApi> StartAsync(byte[] payload, int count, string requestIdPrefix)
    {
        var api = new WarmRuntimeApi(payload, count, requestIdPrefix);
        api._listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        api._listener.Listen(16);
        api.Address = $"127.0.0.1:{((IPEndPoint)api._listener.LocalEndPoint!).Port}";
        new Thread(api.Accept) { IsBackground = true, Name = "warm runtime api" }.Start();
        return Task.FromResult(api);
    }

    /// <summary>Answers the held last <c>GET next</c> with a 500, on which a runtime exits.</summary>
    public void Release() => _release.Set();

    public void Dispose()
    {
        Release();
        _listener.Dispose();
        _release.Dispose();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Accept()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            connection.NoDelay = true;
            _connections.Add(connection);
            new Thread(() => Serve(connection)) { IsBackground = true, Name = "warm runtime api connection" }.Start();
        }
    }

    private void Serve(Socket connection)
    {
        var buffer = new byte[BufferSize];
        var send = new byte[BufferSize];
        var filled = 0;
        try
        {
            while (true)
            {
                // Read the head, then the body its Content-Length announces.
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    if (filled == buffer.Length)
                    {
                        _problems.Enqueue("a request head over 64 KiB");
                        return;
                    }

                    if (!Receive(connection, buffer, ref filled))
                    {
                        return;
                    }
                }

                var head = buffer.AsSpan(0, headEnd);
                if (!TryReadHead(head, out var method, out var path, out var length))
                {
                    _problems.Enqueue($"unreadable request: {Encoding.ASCII.GetString(head)}");
                    return;
                }

                var end = headEnd + 4 + length;
                while (filled < end)
                {
                    if (end > buffer.Length || !Receive(connection, buffer, ref filled))
                    {
                        _problems.Enqueue("a request body over 64 KiB, or cut short");
                        return;
                    }
                }

                var read = Stopwatch.GetTimestamp();
                var methodText = buffer.AsSpan(method.Offset, method.Length);
                var pathBytes = buffer.AsSpan(path.Offset, path.Length);
                if (methodText.SequenceEqual("GET"u8) && pathBytes.SequenceEqual(NextPath))
                {
                    Next(connection, send, read);
                }
                else if (methodText.SequenceEqual("POST"u8) && pathBytes.EndsWith("/response"u8))
                {
                    Response(pathBytes, buffer.AsSpan(headEnd + 4, length), read);
                    connection.Send(Accepted);
                }
                else
                {
                    _problems.Enqueue(
                        $"unexpected {Encoding.ASCII.GetString(methodText)} {Encoding.ASCII.GetString(pathBytes)}");
                    connection.Send(NotFound);
                }

                // Keep what came after this request (nothing, unless the client pipelines).
                buffer.AsSpan(end, filled - end).CopyTo(buffer);
                filled -= end;
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The runtime went away, or the fake is being disposed.
        }
    }

    private void Next(Socket connection, byte[] send, long arrived)
    {
        var i = _served;
        _nextArrived[i] = arrived;
        if (Volatile.Read(ref _responses) != i)
        {
            _problems.Enqueue($"GET next #{i + 1} arrived before the response to {_requestIds[i - 1]}");
        }

        if (i == Count)
        {
            _allServed.TrySetResult();
            _release.Wait();
            connection.Send(Exit);
            return;
        }

        var length = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {_payload.Length}\r\n" +
            $"Lambda-Runtime-Aws-Request-Id: {_requestIds[i]}\r\nLambda-Runtime-Deadline-Ms: {_deadline}\r\n" +
            $"Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-west-1:123456789012:function:pixel\r\n" +
            $"Lambda-Runtime-Trace-Id: {_traceIds[i]}\r\n\r\n"),
            send);
        _payload.CopyTo(send, length);

        // The runtime can post its response before Send returns: the event is handed out from here on.
        _handedOut[i] = Stopwatch.GetTimestamp();
        Volatile.Write(ref _served, i + 1);
        connection.Send(send, 0, length + _payload.Length, SocketFlags.None);
    }

    private void Response(ReadOnlySpan<byte> path, ReadOnlySpan<byte> body, long received)
    {
        var i = Volatile.Read(ref _served) - 1;
        if (i < 0 || !path.SequenceEqual(_responsePaths[i]))
        {
            _problems.Enqueue(
                $"response post {Encoding.ASCII.GetString(path)} while {(i < 0 ? "no event" : _requestIds[i])} was " +
                    "being handled");
        }
        else if (_responded[i] != 0)
        {
            _problems.Enqueue($"a second response post for {_requestIds[i]}");
        }
        else
        {
            _responded[i] = received;
            if (_firstResponse is null)
            {
                Volatile.Write(ref _firstResponse, body.ToArray());
            }
            else if (!body.SequenceEqual(_firstResponse))
            {
                Interlocked.Increment(ref _differentResponses);
            }

            Interlocked.Increment(ref _responses);
        }
    }

    private static byte[] Answer(string status, string json) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {json.Length}\r\n\r\n{json}"));

    private static bool Receive(Socket connection, byte[] buffer, ref int filled)
    {
        var read = connection.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
        filled += read;
        return read > 0;
    }

    /// <summary>
    /// Finds the method and path of the request line, and the body's length; false for a chunked or unreadable request.
    /// </summary>
    private static bool TryReadHead(
        ReadOnlySpan<byte> head, out (int Offset, int Length) method, out (int Offset, int Length) path, out int length)
    {
        method = path = default;
        length = 0;
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = lineEnd < 0 ? head : head[..lineEnd];
        var firstSpace = requestLine.IndexOf((byte)' ');
        var lastSpace = requestLine.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace)
        {
            return false;
        }

        method = (0, firstSpace);
        path = (firstSpace + 1, lastSpace - firstSpace - 1);
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                return false;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out length)
                    || length > BufferSize / 2)
                {
                    return false;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8) || Ascii.EqualsIgnoreCase(name, "Expect"u8))
            {
                return false;
            }
        }

        return true;
    }
}
