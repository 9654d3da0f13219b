using Microsoft.Extensions.Options;

namespace TrackingPixel;

/// <summary>
/// Checks each named <see cref="KeyedIdOptions"/> (named for its field) and says what to set; never echoes the secret.
/// </summary>
internal sealed class KeyedIdOptionsValidator : IValidateOptions<KeyedIdOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyedIdOptions options)
    {
        var failures = new List<string>();
        var prefix = $"Keyed id '{name}':";
        if (options.Inputs.Count == 0)
        {
            failures.Add(
                $"{prefix} Inputs is empty; add what to hash, " +
                "e.g. \"query:userid\", or \"ip\" and \"header:User-Agent\".");
        }

        foreach (var input in options.Inputs)
        {
            if (KeyedIdInput.TryParse(input) is null)
            {
                failures.Add(
                    $"{prefix} input '{input}' is not understood; use \"ip\", \"header:NAME\" or \"query:NAME\".");
            }
        }

        var maxLength = options.Encoding == KeyedIdEncoding.Hex ? 64 : 43;
        if (options.Length < 16 || options.Length > maxLength)
        {
            failures.Add(
                $"{prefix} Length is {options.Length}; set it between 16 and {maxLength} for {options.Encoding}.");
        }

        if (!Enum.IsDefined(options.Encoding))
        {
            failures.Add($"{prefix} Encoding is {(int)options.Encoding}; use Hex or Base64Url.");
        }

        if (KeyedIdSecret.Check(options) is { } secretProblem)
        {
            failures.Add($"{prefix} {secretProblem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
