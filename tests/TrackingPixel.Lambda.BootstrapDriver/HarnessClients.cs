using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>
/// Clients that make a bootstrap's calls (GET next, POST response, Firehose PutRecord, GET next ...) with no pixel
/// work in between, until the Runtime API answers an error: what the warm loop's fakes cost without the bootstrap.
/// </summary>
internal static class HarnessClients
{
    private const string Authorization =
        "AWS4-HMAC-SHA256 Credential=AKIDFAKE/20240501/us-east-1/firehose/aws4_request, " +
            "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, " +
            "Signature=0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>HttpClients configured as the bootstrap's runtime client and Firehose client are.</summary>
    public static async Task HttpClientAsync(string runtimeApi, Uri firehose, byte[] response, byte[] putRecord)
    {
        using var runtime = new HttpClient(
            new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var stream = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var json = new MediaTypeHeaderValue("application/json");
        while (true)
        {
            using var next = await runtime.GetAsync(
                "runtime/invocation/next", HttpCompletionOption.ResponseContentRead);
            if (!next.IsSuccessStatusCode)
            {
                return;
            }

            var requestId = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").First();
            _ = await next.Content.ReadAsByteArrayAsync();
            using (var content = new ReadOnlyMemoryContent(response))
            {
                content.Headers.ContentType = json;
                using var posted = await runtime.PostAsync($"runtime/invocation/{requestId}/response", content);
                _ = await posted.Content.ReadAsByteArrayAsync();
            }

            using var put = new HttpRequestMessage(HttpMethod.Post, firehose)
            {
                Content = new ReadOnlyMemoryContent(putRecord),
            };
            put.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
            put.Headers.TryAddWithoutValidation("X-Amz-Date", "20240501T123456Z");
            put.Headers.TryAddWithoutValidation("X-Amz-Target", "Firehose_20150804.PutRecord");
            put.Headers.TryAddWithoutValidation("X-Amz-Security-Token", "fake-token");
            put.Headers.TryAddWithoutValidation("Authorization", Authorization);
            using var answer = await stream.SendAsync(put, HttpCompletionOption.ResponseContentRead);
            _ = await answer.Content.ReadAsByteArrayAsync();
        }
    }

    /// <summary>
    /// Blocking sockets on a thread of their own sending prebuilt HTTP/1.1 requests: next to no client cost.
    /// </summary>
    public static Task RawSocketAsync(string runtimeApi, Uri firehose, byte[] response, byte[] putRecord) =>
        Task.Factory.StartNew(
            () => RawSocket(runtimeApi, firehose, response, putRecord),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private static void RawSocket(string runtimeApi, Uri firehose, byte[] response, byte[] putRecord)
    {
        using var runtime = Connect(IPEndPoint.Parse(runtimeApi));
        using var stream = Connect(new IPEndPoint(IPAddress.Parse(firehose.Host), firehose.Port));
        var buffer = new byte[64 * 1024];
        var next = Encoding.ASCII.GetBytes(
            $"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: {runtimeApi}\r\n\r\n");
        var put = Encoding.ASCII.GetBytes(
            $"POST / HTTP/1.1\r\nHost: {firehose.Authority}\r\nContent-Type: " +
                "application/x-amz-json-1.1\r\nX-Amz-Date: 20240501T123456Z\r\n"
            + "X-Amz-Target: Firehose_20150804.PutRecord\r\nX-Amz-Security-Token: fake-token\r\nAuthorization: " +
                $"{Authorization}\r\n"
            + string.Create(CultureInfo.InvariantCulture, $"Content-Length: {putRecord.Length}\r\n\r\n"))
            .Concat(putRecord).ToArray();
        while (true)
        {
            runtime.Send(next);
            var (status, requestId) = Receive(runtime, buffer);
            if (status != 200)
            {
                return;
            }

            var post = Encoding.ASCII.GetBytes(
                $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: " +
                    $"{runtimeApi}\r\nContent-Type: application/json\r\n"
                + string.Create(CultureInfo.InvariantCulture, $"Content-Length: {response.Length}\r\n\r\n"))
                .Concat(response).ToArray();
            runtime.Send(post);
            Receive(runtime, buffer);
            stream.Send(put);
            Receive(stream, buffer);
        }
    }

    private static Socket Connect(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(endpoint);
        return socket;
    }

    /// <summary>
    /// Reads one response with a Content-Length (all Kestrel sends here); returns its status and request id header.
    /// </summary>
    private static (int Status, string? RequestId) Receive(Socket socket, byte[] buffer)
    {
        var filled = 0;
        int end;
        while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            filled += Read(socket, buffer, filled);
        }

        var lines = Encoding.ASCII.GetString(buffer, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        string? requestId = null;
        var length = 0;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon], line[(colon + 1)..].Trim());
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Lambda-Runtime-Aws-Request-Id", StringComparison.OrdinalIgnoreCase))
            {
                requestId = value;
            }
        }

        while (filled < end + 4 + length)
        {
            filled += Read(socket, buffer, filled);
        }

        return (status, requestId);
    }

    private static int Read(Socket socket, byte[] buffer, int offset)
    {
        var read = socket.Receive(buffer, offset, buffer.Length - offset, SocketFlags.None);
        return read > 0 ? read : throw new IOException("The fake closed the connection.");
    }
}
