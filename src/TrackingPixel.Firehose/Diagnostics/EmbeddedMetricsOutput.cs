namespace TrackingPixel.Firehose.Diagnostics;

/// <summary>
/// Where embedded-metric lines go when not to standard output; registered by tests to read them back.
/// </summary>
internal sealed record EmbeddedMetricsOutput(TextWriter Writer);
