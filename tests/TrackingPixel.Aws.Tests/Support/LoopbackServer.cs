using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrackingPixel.Aws.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (port 0) whose handler decides each answer, faults included.
/// </summary>
/// <remarks>
/// Connections are kept alive, as a pooled SocketsHttpHandler expects; a handler may drop or stall one.
/// </remarks>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;
    private int _connectionCount;
    private int _disposed;

    public LoopbackServer(Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> handler)
    {
        _handler = handler;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    public IReadOnlyList<LoopbackRequest> Requests => [.. _requests];

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connectionCount);
            _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new BufferedReader(stream);
            while (!_stop.IsCancellationRequested)
            {
                var request = await reader.ReadRequestAsync(_stop.Token);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                var response = await _handler(request, _stop.Token);
                if (response.Stall)
                {
                    // Hold the answer until the client gives up and closes the connection (its timeout fired).
                    await reader.WaitForCloseAsync(_stop.Token);
                    return;
                }

                if (response.Drop)
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }

                var head = new StringBuilder($"HTTP/1.1 {response.Status} {(HttpStatusCode)response.Status}\r\n");
                foreach (var (name, value) in response.Headers)
                {
                    head.Append(name).Append(": ").Append(value).Append("\r\n");
                }

                head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
                await stream.WriteAsync(response.Body, _stop.Token);
            }
        }
        catch (Exception exception) when (
            exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
    }

    /// <summary>Reads requests from a connection, and notices when the client closes it.</summary>
    private sealed class BufferedReader(NetworkStream stream) : IDisposable
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly MemoryStream _pending = new();

        public async Task<LoopbackRequest?> ReadRequestAsync(CancellationToken cancellationToken)
        {
            int headEnd;
            while ((headEnd = IndexOfHeadEnd()) < 0)
            {
                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }
            }

            var data = _pending.ToArray();
            var lines = Encoding.UTF8.GetString(data, 0, headEnd).Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1)
                .Select(l => l.Split(':', 2))
                .Select(p => new KeyValuePair<string, string>(p[0], p[1].Trim()))
                .ToList();
            var length = int.Parse(
                headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value
                    ?? "0",
                System.Globalization.CultureInfo.InvariantCulture);
            while (_pending.Length < headEnd + 4 + length)
            {
                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }

                data = _pending.ToArray();
            }

            data = _pending.ToArray();
            var body = data.AsSpan(headEnd + 4, length).ToArray();
            var rest = data.AsSpan(headEnd + 4 + length).ToArray();
            _pending.SetLength(0);
            _pending.Write(rest);
            return new LoopbackRequest(requestLine[0], requestLine[1], headers, body);
        }

        /// <summary>
        /// Completes when the client closes the connection; a well-behaved client sends nothing until it has the
        /// answer.
        /// </summary>
        public async Task WaitForCloseAsync(CancellationToken cancellationToken)
        {
            while (await FillAsync(cancellationToken))
            {
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            var read = await stream.ReadAsync(_buffer, cancellationToken);
            if (read == 0)
            {
                return false;
            }

            _pending.Write(_buffer, 0, read);
            return true;
        }

        public void Dispose() => _pending.Dispose();

        private int IndexOfHeadEnd() => _pending.GetBuffer().AsSpan(0, (int)_pending.Length).IndexOf("\r\n\r\n"u8);
    }
}

/// <summary>One request the loopback server received.</summary>
public sealed record LoopbackRequest(
    string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value)
            .FirstOrDefault();
}

/// <summary>What the loopback server answers: a status, headers and body, or a fault.</summary>
public sealed record LoopbackResponse(int Status, byte[] Body, IReadOnlyList<(string Name, string Value)> Headers)
{
    /// <summary>Closes the connection with a reset instead of answering.</summary>
    public bool Drop { get; init; }

    /// <summary>Never answers; waits for the client to time out and close.</summary>
    public bool Stall { get; init; }

    public static LoopbackResponse Json(int status, string json, params (string Name, string Value)[] headers) =>
        new(status, Encoding.UTF8.GetBytes(json), [("Content-Type", "application/x-amz-json-1.1"), .. headers]);

    public static LoopbackResponse Dropped() => new(0, [], []) { Drop = true };

    public static LoopbackResponse Stalled() => new(0, [], []) { Stall = true };
}
