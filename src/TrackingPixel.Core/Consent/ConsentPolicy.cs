namespace TrackingPixel;

/// <summary>
/// What a request that carries an opt-out signal (<c>Sec-GPC: 1</c>, or <c>DNT: 1</c> when honoured) produces.
/// </summary>
/// <remarks>The pixel is served in every case; only the record changes.</remarks>
public enum ConsentPolicy
{
    /// <summary>
    /// Record everything, with the <c>gpc</c> and <c>dnt</c> flags, and let downstream queries decide.
    /// </summary>
    RecordFlag,

    /// <summary>
    /// Record the request without its identifiers: <see cref="ConsentOptions.StrippedFields"/> and every keyed id.
    /// </summary>
    StripIdentifiers,

    /// <summary>Produce no record at all.</summary>
    SkipRecord,
}
