using System.Text;
using Microsoft.Extensions.Options;

namespace TrackingPixel;

/// <summary>Checks <see cref="ClickLinkOptions"/> at start-up and says what to set; never echoes a key.</summary>
internal sealed class ClickLinkOptionsValidator : IValidateOptions<ClickLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, ClickLinkOptions options) =>
        Problems(options) is { Count: > 0 } problems
            ? ValidateOptionsResult.Fail(problems)
            : ValidateOptionsResult.Success;

    public static List<string> Problems(ClickLinkOptions options)
    {
        var problems = new List<string>();
        if (options.Keys.Count == 0)
        {
            problems.Add("Click links: Keys is empty; add a key id and a secret of at least " +
                         $"{ClickLinkOptions.MinimumKeyBytes} random bytes (e.g. from `openssl rand -base64 48`).");
        }

        foreach (var (id, secret) in options.Keys)
        {
            if (id.Length is 0 or > 64 || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
            {
                problems.Add($"Click links: key id '{id}' must be 1 to 64 letters, digits, '-' or '_'.");
            }

            if (Encoding.UTF8.GetByteCount(secret ?? string.Empty) < ClickLinkOptions.MinimumKeyBytes)
            {
                problems.Add(
                    $"Click links: key '{id}' is shorter than {ClickLinkOptions.MinimumKeyBytes} bytes; " +
                    "use a longer random secret.");
            }
        }

        if (options.SigningKeyId is { } signing ? !options.Keys.ContainsKey(signing) : options.Keys.Count > 1)
        {
            problems.Add("Click links: set SigningKeyId to one of the Keys' ids (required when there are several).");
        }

        if (options.FallbackUrl is { } fallback
            && (!Uri.TryCreate(fallback, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems.Add($"Click links: FallbackUrl '{fallback}' must be an absolute http or https URL.");
        }

        return problems;
    }
}
