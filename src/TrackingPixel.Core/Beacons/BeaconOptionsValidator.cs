using Microsoft.Extensions.Options;

namespace TrackingPixel;

/// <summary>Checks <see cref="BeaconOptions"/> at start-up.</summary>
internal sealed class BeaconOptionsValidator : IValidateOptions<BeaconOptions>
{
    public ValidateOptionsResult Validate(string? name, BeaconOptions options)
    {
        var problems = new List<string>();
        if (options.MaxBodyBytes is < 1 or > BeaconOptions.MaxBodyBytesCeiling)
        {
            problems.Add(
                $"Beacons: MaxBodyBytes is {options.MaxBodyBytes}; " +
                $"set it from 1 to {BeaconOptions.MaxBodyBytesCeiling}.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (origin != "*"
                && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")
                || uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/') || origin.EndsWith('/')))
            {
                problems.Add(
                    $"Beacons: allowed origin '{origin}' must be a scheme and host " +
                    "such as https://www.example.com, or *.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
