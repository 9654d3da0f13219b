using Microsoft.Extensions.Options;

namespace TrackingPixel;

/// <summary>Checks <see cref="TrackingPixelOptions"/> and says, for each bad value, what to set instead.</summary>
internal sealed class TrackingPixelOptionsValidator : IValidateOptions<TrackingPixelOptions>
{
    public ValidateOptionsResult Validate(string? name, TrackingPixelOptions options)
    {
        var failures = new List<string>();
        if (options.MissingValue is { Length: > 256 })
        {
            failures.Add($"MissingValue is {options.MissingValue.Length} characters long; use at most 256.");
        }

        if (options.MissingValue is not null
            && System.Text.Unicode.Utf8.FromUtf16(
                options.MissingValue,
                new byte[options.MissingValue.Length * 3],
                out _,
                out _,
                replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            failures.Add(
                "MissingValue contains a lone surrogate (invalid UTF-16); use valid text such as \"unknown\".");
        }

        if (options.MaxFieldLength is < 16 or > TrackingPixelOptions.MaxRecordBytesCeiling)
        {
            failures.Add(
                $"MaxFieldLength is {options.MaxFieldLength}; set it between 16 and " +
                $"{TrackingPixelOptions.MaxRecordBytesCeiling}.");
        }

        if (options.MaxRecordBytes is < 1024 or > TrackingPixelOptions.MaxRecordBytesCeiling)
        {
            failures.Add(
                $"MaxRecordBytes is {options.MaxRecordBytes}; set it between 1024 and " +
                $"{TrackingPixelOptions.MaxRecordBytesCeiling}.");
        }

        if (options.ClientIp.TrustedProxyCount is < 0 or > 16)
        {
            failures.Add(
                $"ClientIp.TrustedProxyCount is {options.ClientIp.TrustedProxyCount}; " +
                "set it to the number of proxies you run in front (0 to 16), 0 to ignore forwarding headers.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientIp.ForwardedForHeader)
            || options.ClientIp.ForwardedForHeader.Any(c => c <= ' ' || c >= 0x7F || c == ':'))
        {
            failures.Add("ClientIp.ForwardedForHeader must be a header name such as X-Forwarded-For.");
        }

        var batching = options.Batching;
        if (batching.Linger < TimeSpan.Zero || batching.Linger > Publishing.RecordBatchingOptions.MaxLinger)
        {
            failures.Add(
                $"Batching.Linger is {batching.Linger}; " +
                $"set it between zero and {Publishing.RecordBatchingOptions.MaxLinger}.");
        }

        if (batching.IdleLinger < TimeSpan.Zero || batching.IdleLinger > Publishing.RecordBatchingOptions.MaxLinger)
        {
            failures.Add(
                $"Batching.IdleLinger is {batching.IdleLinger}; " +
                $"set it between zero and {Publishing.RecordBatchingOptions.MaxLinger}.");
        }

        if (batching.MaxCallers < 0)
        {
            failures.Add(
                $"Batching.MaxCallers is {batching.MaxCallers}; " +
                "set it to the number of callers that can publish at once, or zero if that is not known.");
        }

        if (batching.MaxQueuedRecords is < 1 or > Publishing.RecordBatchingOptions.MaxQueuedRecordsCeiling)
        {
            failures.Add(
                $"Batching.MaxQueuedRecords is {batching.MaxQueuedRecords}; " +
                $"set it between 1 and {Publishing.RecordBatchingOptions.MaxQueuedRecordsCeiling}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
