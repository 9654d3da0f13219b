namespace TrackingPixel.Aws;

/// <summary>
/// Credentials from <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>, which is what
/// Lambda provides.
/// </summary>
internal static class EnvironmentCredentials
{
    public static AwsCredentials? TryRead(IAwsEnvironment environment)
    {
        var accessKeyId = environment.Get("AWS_ACCESS_KEY_ID") ?? environment.Get("AWS_ACCESS_KEY");
        var secret = environment.Get("AWS_SECRET_ACCESS_KEY") ?? environment.Get("AWS_SECRET_KEY");
        if (accessKeyId is null && secret is null)
        {
            return null;
        }

        if (accessKeyId is null || secret is null)
        {
            throw new CredentialsException(
                "Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set " +
                    $"({(accessKeyId is null ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY")} is missing); set " +
                    "both, or neither to use another credentials source.");
        }

        return new AwsCredentials(accessKeyId, secret, environment.Get("AWS_SESSION_TOKEN"), expiration: null);
    }
}
