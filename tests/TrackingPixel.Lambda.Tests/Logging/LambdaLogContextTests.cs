using TrackingPixel.Lambda.Logging;

namespace TrackingPixel.Lambda.Tests.Logging;

public class LambdaLogContextTests
{
    [Fact]
    public async Task RequestId_SetInTwoConcurrentFlows_EachFlowReadsItsOwnAcrossAwaits()
    {
        var context = new LambdaLogContext();
        var bothSet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = 0;

        async Task<string?> FlowAsync(string id)
        {
            await Task.Yield();
            context.RequestId = id;
            if (Interlocked.Increment(ref arrived) == 2)
            {
                bothSet.SetResult();
            }

            // Both flows have set their id before either reads it back: a shared field would show the later one.
            await bothSet.Task;
            return context.RequestId;
        }

        var ids = await Task.WhenAll(FlowAsync("id-a"), FlowAsync("id-b"));

        Assert.Equal("id-a", ids[0]);
        Assert.Equal("id-b", ids[1]);
        Assert.Null(context.RequestId);
    }
}
