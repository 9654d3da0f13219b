namespace TrackingPixel.Aws;

/// <summary>
/// Reads a profile from the shared credentials file (<c>AWS_SHARED_CREDENTIALS_FILE</c>, else
/// <c>~/.aws/credentials</c>), chosen by <c>AWS_PROFILE</c> (default <c>default</c>), for local runs.
/// </summary>
internal static class SharedCredentialsFile
{
    public static string? PathFor(IAwsEnvironment environment)
    {
        if (environment.Get("AWS_SHARED_CREDENTIALS_FILE") is { } configured)
        {
            return configured;
        }

        var home = environment.Get("HOME") ?? environment.Get("USERPROFILE");
        return home is null ? null : Path.Combine(home, ".aws", "credentials");
    }

    /// <summary>
    /// Reads the profile; <see langword="null"/> when the file does not exist and no profile was asked for.
    /// </summary>
    public static AwsCredentials? TryRead(IAwsEnvironment environment)
    {
        var path = PathFor(environment);
        var explicitProfile = environment.Get("AWS_PROFILE");
        var profile = explicitProfile ?? "default";
        if (path is null || !File.Exists(path))
        {
            return explicitProfile is null
                ? null
                : throw new CredentialsException(
                    $"AWS_PROFILE is '{profile}' but the shared credentials file {path ?? "~/.aws/credentials"} does " +
                        "not exist.");
        }

        var values = ReadSection(path, profile);
        if (values is null)
        {
            return explicitProfile is null
                ? null
                : throw new CredentialsException($"Profile '{profile}' (AWS_PROFILE) is not in {path}.");
        }

        values.TryGetValue("aws_access_key_id", out var accessKeyId);
        values.TryGetValue("aws_secret_access_key", out var secret);
        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secret))
        {
            throw new CredentialsException(
                $"Profile '{profile}' in {path} needs both aws_access_key_id and aws_secret_access_key.");
        }

        values.TryGetValue("aws_session_token", out var token);
        return new AwsCredentials(accessKeyId, secret, token, expiration: null);
    }

    private static Dictionary<string, string>? ReadSection(string path, string profile)
    {
        Dictionary<string, string>? section = null;
        var inProfile = false;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                inProfile = string.Equals(name, profile, StringComparison.Ordinal)
                    || string.Equals(name, "profile " + profile, StringComparison.Ordinal);
                if (inProfile)
                {
                    section ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (inProfile && equals > 0)
            {
                section![line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return section;
    }
}
