namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>Waits for a condition that other threads make true.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var timeout = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > timeout)
            {
                throw new TimeoutException($"Not within 60 s: {what}");
            }

            await Task.Delay(5);
        }
    }
}
