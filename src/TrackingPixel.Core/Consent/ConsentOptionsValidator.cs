using Microsoft.Extensions.Options;

namespace TrackingPixel;

/// <summary>Checks <see cref="ConsentOptions"/> and says what to set instead.</summary>
internal sealed class ConsentOptionsValidator : IValidateOptions<ConsentOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsentOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Policy))
        {
            failures.Add($"Consent.Policy is {(int)options.Policy}; use RecordFlag, StripIdentifiers or SkipRecord.");
        }

        if (options.StrippedFields.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Consent.StrippedFields has an empty entry; list record field names such as ip or userId.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
