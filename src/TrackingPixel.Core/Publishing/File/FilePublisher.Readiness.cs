namespace TrackingPixel.Publishing;

internal sealed partial class FilePublisher : IPublisherReadiness
{
    /// <summary>Creates and deletes a probe file in the records folder, which is what a write needs to
    /// succeed.</summary>
    public ValueTask<string?> CheckReadinessAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckFolder(Root));

    /// <summary>Says why records could not be written under <paramref name="folder"/>, or <see langword="null"/> when
    /// they can.</summary>
    internal static string? CheckFolder(string folder)
    {
        var probe = Path.Combine(folder, $".trackingpixel-probe-{Guid.NewGuid():N}");
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            using (new FileStream(
                probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception exception)
            when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"the records folder {folder} is not writable: {exception.Message}";
        }
    }
}
