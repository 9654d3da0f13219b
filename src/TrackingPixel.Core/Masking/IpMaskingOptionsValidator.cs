using Microsoft.Extensions.Options;

namespace TrackingPixel;

/// <summary>Checks <see cref="IpMaskingOptions"/> and says what to set instead.</summary>
internal sealed class IpMaskingOptionsValidator : IValidateOptions<IpMaskingOptions>
{
    public ValidateOptionsResult Validate(string? name, IpMaskingOptions options)
    {
        var failures = new List<string>();
        if (options.Ipv4PrefixLength is < 0 or > 24)
        {
            failures.Add(
                $"IpMasking.Ipv4PrefixLength is {options.Ipv4PrefixLength}; set it between 0 and 24 " +
                "(24 or 16 are usual): more than 24 bits would keep the host.");
        }

        if (options.Ipv6PrefixLength is < 0 or > 64)
        {
            failures.Add(
                $"IpMasking.Ipv6PrefixLength is {options.Ipv6PrefixLength}; set it between 0 and 64 " +
                "(48 is usual): more than 64 bits would keep the interface id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
