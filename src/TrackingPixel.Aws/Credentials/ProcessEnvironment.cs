namespace TrackingPixel.Aws;

/// <summary>Reads the real process environment.</summary>
internal sealed class ProcessEnvironment : IAwsEnvironment
{
    public static ProcessEnvironment Instance { get; } = new();

    public string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
