using System.Net;
using System.Text.Json;
using TrackingPixel.Lambda.Runtime;
using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Runtime;

public class RuntimeApiClientTests
{
    [Fact]
    public async Task NextAsync_Event_ReadsItsHeadersAndPayload()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var client = new RuntimeApiClient(api.Address);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(1_714_566_896_789);
        api.Enqueue(Some.Json("""{"a":1}"""), "req-1", deadline, "Root=1-x");

        var invocation = await client.NextAsync(CancellationToken.None);

        Assert.Equal("req-1", invocation.RequestId);
        Assert.Equal(deadline, invocation.Deadline);
        Assert.Equal("Root=1-x", invocation.TraceId);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:pixel", invocation.FunctionArn);
        Assert.Equal("""{"a":1}""", System.Text.Encoding.UTF8.GetString(invocation.Payload));
    }

    [Fact]
    public async Task NextAsync_ErrorStatus_ThrowsRuntimeApiExceptionNamingIt()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var client = new RuntimeApiClient(api.Address);
        api.EnqueueFailure(500);

        var exception = await Assert.ThrowsAsync<RuntimeApiException>(() => client.NextAsync(CancellationToken.None));

        Assert.Contains("answered 500", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostInvocationErrorAsync_HostileText_SendsValidJsonAndASafeHeader()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var client = new RuntimeApiClient(api.Address);

        var status = await client.PostInvocationErrorAsync(
            "id/with?odd#chars", "Bad\nType", "lone \ud800 surrogate", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, status);
        var call = Assert.Single(api.Calls);
        // Kestrel decodes all but %2F: the id arrived as one escaped path segment, not as a query or fragment.
        Assert.Equal("/2018-06-01/runtime/invocation/id%2Fwith?odd#chars/error", call.Path);
        Assert.Equal("Runtime.UnknownReason", call.Headers["Lambda-Runtime-Function-Error-Type"]);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal("lone \uFFFD surrogate", body.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task PostResponseAsync_Rejected_ReturnsTheStatus()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var client = new RuntimeApiClient(api.Address);
        api.PostStatus = 413;

        Assert.Equal(
            HttpStatusCode.RequestEntityTooLarge,
            await client.PostResponseAsync("id", "{}"u8.ToArray(), CancellationToken.None));
    }
}
