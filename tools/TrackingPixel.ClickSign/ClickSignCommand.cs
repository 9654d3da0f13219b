using System.Globalization;

namespace TrackingPixel.ClickSign;

/// <summary>Parses the arguments, signs one link with the keys of <c>TRACKINGPIXEL_CLICK_KEYS</c>, and prints
/// it.</summary>
public static class ClickSignCommand
{
    /// <summary>The variable holding <c>keyid=secret</c> pairs, comma-separated, as the template's function reads
    /// them.</summary>
    public const string KeysVariable = "TRACKINGPIXEL_CLICK_KEYS";

    /// <summary>Runs the command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="output">Where the link goes.</param>
    /// <param name="error">Where problems go.</param>
    /// <returns>0 when a link was printed, 2 for a usage or configuration problem.</returns>
    public static int Run(string[] args, Func<string, string?> environment, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? endpoint = null, target = null, keyId = null, expires = null;
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--endpoint": endpoint = value; break;
                case "--target": target = value; break;
                case "--key-id": keyId = value; break;
                case "--expires": expires = value; break;
                case "--param" when value.IndexOf('=', StringComparison.Ordinal) > 0:
                    parameters.Add(
                        new(
                            value[..value.IndexOf('=', StringComparison.Ordinal)],
                            value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..]));
                    break;
                default:
                    return Usage(error, $"unknown argument '{args[i]}'");
            }
        }

        if (args.Length % 2 != 0 || endpoint is null || target is null)
        {
            return Usage(error, "--endpoint and --target are required");
        }

        var options = new ClickLinkOptions();
        foreach (
            var pair in (environment(KeysVariable) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            options.Keys[equals > 0 ? pair[..equals].Trim() : string.Empty] = equals > 0
                ? pair[(equals + 1)..].Trim()
                : string.Empty;
            options.SigningKeyId ??= equals > 0 ? pair[..equals].Trim() : null;
        }

        options.SigningKeyId = keyId ?? options.SigningKeyId;
        try
        {
            var signer = new ClickLinkSigner(options);
            DateTimeOffset? until = expires is null
                ? null
                : DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            output.WriteLine(
                signer.Sign(new Uri(endpoint, UriKind.Absolute), new Uri(target, UriKind.Absolute), until, parameters));
            return 0;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or UriFormatException)
        {
            error.WriteLine($"{exception.Message} (keys come from {KeysVariable}=keyid=secret,...)");
            return 2;
        }
    }

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine($"{problem}. Usage: --endpoint <click URL> --target <URL> [--expires <ISO 8601>] " +
                        $"[--key-id <id>] [--param name=value]...; keys from {KeysVariable}.");
        return 2;
    }
}
