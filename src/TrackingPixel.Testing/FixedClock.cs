namespace TrackingPixel.Testing;

/// <summary>A clock that stands still until a test moves it, so dates and daily rotations in records are
/// stable.</summary>
/// <remarks>
/// Only <see cref="GetUtcNow"/> is fixed; timers created from it run on real time. The local time zone is UTC, as
/// records are. Not meant to be moved while another thread reads it.
/// </remarks>
public sealed class FixedClock : TimeProvider
{
    /// <summary>The instant a clock created without one shows: 2024-05-01 12:34:56.789 UTC.</summary>
    public static readonly DateTimeOffset DefaultTime = new(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero);

    private DateTimeOffset _now;

    /// <summary>Creates a clock showing <paramref name="now"/>, or <see cref="DefaultTime"/>.</summary>
    /// <param name="now">The instant to show; converted to UTC.</param>
    public FixedClock(DateTimeOffset? now = null) => _now = (now ?? DefaultTime).ToUniversalTime();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock forward, for example by a day to see daily rotating ids change.</summary>
    /// <param name="delta">How far to move; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        _now += delta;
    }

    /// <summary>Sets the instant the clock shows.</summary>
    /// <param name="now">The new instant; converted to UTC.</param>
    public void Set(DateTimeOffset now) => _now = now.ToUniversalTime();
}
