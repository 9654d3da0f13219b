namespace TrackingPixel.Lambda.Runtime;

/// <summary>Runs one invocation loop per invocation Lambda may hand this environment at once.</summary>
/// <remarks>
/// Standard Lambda sends one invocation at a time: one loop, exactly as a classic runtime. Lambda Managed Instances
/// accept concurrent <c>GET next</c> calls up to <c>AWS_LAMBDA_MAX_CONCURRENCY</c>, so that many loops run, each
/// publishing its record before asking again; their records meet in the pipeline's publishing and share requests.
/// A loop that loses the Runtime API asks the others to stop, so the process exits (with 1) and Lambda replaces it.
/// </remarks>
internal static class InvocationLoops
{
    /// <returns>The process exit code: 0 when stopped, 1 when any loop lost the Runtime API.</returns>
    public static async Task<int> RunAsync(RuntimeLoop loop, int concurrency, Shutdown shutdown, CancellationToken stop)
    {
        if (concurrency == 1)
        {
            return await loop.RunAsync(shutdown, stop).ConfigureAwait(false);
        }

        var loops = new Task<int>[concurrency];
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = RunOneAsync(loop, shutdown, stop);
        }

        var exitCodes = await Task.WhenAll(loops).ConfigureAwait(false);
        return exitCodes.Max();
    }

    private static async Task<int> RunOneAsync(RuntimeLoop loop, Shutdown shutdown, CancellationToken stop)
    {
        // Off the caller's stack, so the loops start side by side rather than one after another's first await.
        await Task.Yield();
        var exitCode = await loop.RunAsync(shutdown, stop).ConfigureAwait(false);
        if (exitCode != 0)
        {
            shutdown.Request();
        }

        return exitCode;
    }
}
