namespace TrackingPixel.Aws;

/// <summary>Where AWS settings come from: the process environment in production, a dictionary in tests.</summary>
internal interface IAwsEnvironment
{
    /// <summary>Gets an environment variable, or <see langword="null"/> when it is unset or empty.</summary>
    string? Get(string name);
}
