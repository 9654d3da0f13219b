namespace TrackingPixel.Aws;

/// <summary>
/// Credentials could not be obtained. The message names the source and what to fix, and never holds a secret.
/// </summary>
internal sealed class CredentialsException : Exception
{
    public CredentialsException()
    {
    }

    public CredentialsException(string message)
        : base(message)
    {
    }

    public CredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Gets a value indicating whether trying again may succeed (an endpoint that did not answer), as opposed to a
    /// configuration error.
    /// </summary>
    public bool IsTransient { get; init; }
}
