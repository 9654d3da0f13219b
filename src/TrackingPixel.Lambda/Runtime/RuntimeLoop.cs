using System.Net;
using Microsoft.Extensions.Logging;
using TrackingPixel.Lambda.Events;
using TrackingPixel.Lambda.Logging;

namespace TrackingPixel.Lambda.Runtime;

/// <summary>
/// The invoke cycle: next event, handle, post the response, publish the record, and only then ask for the next event.
/// </summary>
/// <remarks>
/// Lambda freezes the environment while the runtime waits in <c>GET next</c>, so publishing after the response keeps
/// the publish round trip out of the pixel's latency while leaving nothing in flight across a freeze. Publishing is
/// bounded by the invocation's deadline minus a safety margin; what does not make it goes to the undelivered sink.
/// Several loops may share one instance (<see cref="InvocationLoops"/>): everything an invocation owns lives in
/// locals and in the log context's async-local id, and with <paramref name="concurrent"/> the process-wide
/// <c>_X_AMZN_TRACE_ID</c> is left alone, since it could name only one of the invocations in progress.
/// </remarks>
internal sealed partial class RuntimeLoop(
    RuntimeApiClient client,
    IInvocationHandler handler,
    PixelPipeline pipeline,
    LambdaLogContext logContext,
    TimeSpan safetyMargin,
    bool concurrent,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>
    /// Serves invocations until the Runtime API fails, <paramref name="shutdown"/> is requested or
    /// <paramref name="stop"/> is cancelled.
    /// </summary>
    /// <returns>The process exit code: 0 when stopped, 1 when the Runtime API can no longer be used.</returns>
    public async Task<int> RunAsync(Shutdown shutdown, CancellationToken stop)
    {
        using var asking = CancellationTokenSource.CreateLinkedTokenSource(stop, shutdown.Requested);
        while (true)
        {
            Invocation invocation;
            try
            {
                invocation = await client.NextAsync(asking.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (asking.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception exception)
            {
                // A 500 on next means the environment is broken; Lambda replaces a process that exits.
                Log.NextFailed(logger, exception.Message, exception);
                return 1;
            }

            try
            {
                await InvokeAsync(invocation, shutdown.GraceOver, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 0;
            }
        }
    }

    private async Task InvokeAsync(Invocation invocation, CancellationToken graceOver, CancellationToken stop)
    {
        logContext.RequestId = invocation.RequestId;
        if (!concurrent)
        {
            // Provided runtimes must set this themselves, per invocation, for the X-Ray SDK and log correlation.
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
        }

        using var deadline = DeadlineSource(invocation.Deadline, graceOver, stop);
        try
        {
            InvocationOutcome outcome;
            try
            {
                outcome = handler.Handle(invocation);
            }
            catch (Exception exception)
            {
                await ReportErrorAsync(invocation.RequestId, exception, stop).ConfigureAwait(false);
                return;
            }

            using var record = outcome.Record;
            await PostResponseAsync(invocation.RequestId, outcome.Response, stop).ConfigureAwait(false);
            if (record is not null)
            {
                await pipeline.PublishAsync(record, deadline.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            logContext.RequestId = null;
        }
    }

    private CancellationTokenSource DeadlineSource(
        DateTimeOffset? deadline, CancellationToken graceOver, CancellationToken stop)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stop, graceOver);
        if (deadline is { } at)
        {
            var remaining = at - time.GetUtcNow() - safetyMargin;
            if (remaining > TimeSpan.Zero)
            {
                source.CancelAfter(remaining);
            }
            else
            {
                source.Cancel();
            }
        }

        return source;
    }

    private async Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken stop)
    {
        try
        {
            var status = await client.PostResponseAsync(requestId, response, stop).ConfigureAwait(false);
            if (status != HttpStatusCode.Accepted)
            {
                Log.ResponseRejected(logger, (int)status);
            }
        }
        catch (Exception exception) when (!stop.IsCancellationRequested)
        {
            // The record still describes a real view: publish it even though the response could not be posted.
            Log.ResponseFailed(logger, exception);
        }
    }

    private async Task ReportErrorAsync(string requestId, Exception exception, CancellationToken stop)
    {
        string errorType;
        if (exception is UnsupportedEventException)
        {
            errorType = UnsupportedEventException.ErrorType;
            Log.UnsupportedEvent(logger, exception.Message);
        }
        else
        {
            errorType = exception.GetType().Name;
            Log.HandlerFailed(logger, exception);
        }

        try
        {
            var status = await client.PostInvocationErrorAsync(
                requestId, errorType, exception.Message, stop).ConfigureAwait(false);
            if (status != HttpStatusCode.Accepted)
            {
                Log.ResponseRejected(logger, (int)status);
            }
        }
        catch (Exception postFailure) when (!stop.IsCancellationRequested)
        {
            Log.ResponseFailed(logger, postFailure);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(
            1,
            LogLevel.Critical,
            "The Runtime API failed on GET next; exiting so Lambda replaces this environment: {Reason}")]
        public static partial void NextFailed(ILogger logger, string reason, Exception exception);

        [LoggerMessage(2, LogLevel.Warning, "Not an HTTP event; reported as an invocation error: {Reason}")]
        public static partial void UnsupportedEvent(ILogger logger, string reason);

        [LoggerMessage(3, LogLevel.Error, "The invocation failed; reported as an invocation error")]
        public static partial void HandlerFailed(ILogger logger, Exception exception);

        [LoggerMessage(4, LogLevel.Error, "The Runtime API answered {Status} to a result post")]
        public static partial void ResponseRejected(ILogger logger, int status);

        [LoggerMessage(5, LogLevel.Error, "Posting the result to the Runtime API failed")]
        public static partial void ResponseFailed(ILogger logger, Exception exception);
    }
}
