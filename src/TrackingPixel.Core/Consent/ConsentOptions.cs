
namespace TrackingPixel;

/// <summary>Configures how the Global Privacy Control and Do Not Track signals are recorded and honoured.</summary>
public sealed class ConsentOptions
{
    /// <summary>Gets or sets what an opted-out request produces.</summary>
    /// <value>Defaults to <see cref="ConsentPolicy.RecordFlag"/>.</value>
    public ConsentPolicy Policy { get; set; } = ConsentPolicy.RecordFlag;

    /// <summary>
    /// Gets or sets a value indicating whether <c>DNT: 1</c> counts as an opt-out as well as <c>Sec-GPC: 1</c>.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="false"/>: browsers are deprecating Do Not Track, which never gained legal force,
    /// while GPC is recognised by laws such as the CCPA. The <c>dnt</c> flag is recorded either way.
    /// </value>
    public bool HonourDoNotTrack { get; set; }

    /// <summary>
    /// Gets the fields <see cref="ConsentPolicy.StripIdentifiers"/> removes, in addition to every keyed id.
    /// </summary>
    /// <value>Defaults to <c>ip</c> and <c>userId</c>.</value>
    public IList<string> StrippedFields { get; } = new List<string> { FieldNames.Ip, FieldNames.UserId };
}
