using System.Text;

namespace TrackingPixel;

/// <summary>
/// Finds a keyed id's secret in its options or environment variable; messages name the source, never the value.
/// </summary>
internal static class KeyedIdSecret
{
    public static string? Check(KeyedIdOptions options)
    {
        if (options.Secret is not null && options.SecretEnvironmentVariable is not null)
        {
            return "both Secret and SecretEnvironmentVariable are set; set only one.";
        }

        if (options.Secret is null && string.IsNullOrWhiteSpace(options.SecretEnvironmentVariable))
        {
            return "no secret; set SecretEnvironmentVariable to the name of an environment variable holding at least " +
                   $"{KeyedIdOptions.MinimumSecretBytes} random bytes (e.g. from `openssl rand -base64 48`), " +
                   "or set Secret.";
        }

        var secret = options.Secret ?? Environment.GetEnvironmentVariable(options.SecretEnvironmentVariable!);
        var source =
            options.Secret is not null ? "Secret" : $"environment variable {options.SecretEnvironmentVariable}";
        if (secret is null)
        {
            return $"{source} is not set; give it at least {KeyedIdOptions.MinimumSecretBytes} random bytes.";
        }

        var length = Encoding.UTF8.GetByteCount(secret);
        return length < KeyedIdOptions.MinimumSecretBytes
            ? $"{source} is {length} bytes long; use at least {KeyedIdOptions.MinimumSecretBytes} random bytes."
            : null;
    }

    /// <summary>Returns the secret's bytes; call only with options that passed <see cref="Check"/>.</summary>
    public static byte[] Read(KeyedIdOptions options) =>
        Encoding.UTF8.GetBytes(
            options.Secret ?? Environment.GetEnvironmentVariable(options.SecretEnvironmentVariable!)!);
}
