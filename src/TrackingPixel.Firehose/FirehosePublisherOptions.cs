namespace TrackingPixel.Firehose;

/// <summary>Options of the Amazon Data Firehose publisher.</summary>
/// <remarks>
/// Unset values come from the standard AWS environment variables: the region from <c>AWS_REGION</c> or
/// <c>AWS_DEFAULT_REGION</c>, the endpoint from <c>AWS_ENDPOINT_URL_FIREHOSE</c> or <c>AWS_ENDPOINT_URL</c>, FIPS and
/// dual-stack from <c>AWS_USE_FIPS_ENDPOINT</c> and <c>AWS_USE_DUALSTACK_ENDPOINT</c>. The options are validated when
/// the publisher is first resolved; the error says which setting to fix.
/// </remarks>
public sealed class FirehosePublisherOptions
{
    /// <summary>Gets or sets the name of the delivery stream records are sent to.</summary>
    /// <value>
    /// Required: 1 to 64 characters of <c>[a-zA-Z0-9_.-]</c>. The reference sample reads it from
    /// <c>KINESIS_FIREHOSE_STREAM_NAME</c>.
    /// </value>
    public string? DeliveryStreamName { get; set; }

    /// <summary>Gets or sets the AWS region of the stream, for example <c>eu-west-1</c>.</summary>
    /// <value>Defaults to <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c> (Lambda sets both).</value>
    public string? Region { get; set; }

    /// <summary>Gets or sets an explicit endpoint, such as a VPC endpoint or a local test server.</summary>
    /// <value>
    /// Defaults to <c>AWS_ENDPOINT_URL_FIREHOSE</c>, then <c>AWS_ENDPOINT_URL</c>, then the region's public endpoint.
    /// </value>
    public Uri? EndpointUrl { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether to use the FIPS endpoint (<c>firehose-fips.{region}</c>).
    /// </summary>
    /// <value>
    /// Defaults to <see langword="false"/>, or <see langword="true"/> when <c>AWS_USE_FIPS_ENDPOINT</c> is <c>true</c>.
    /// </value>
    public bool UseFipsEndpoint { get; set; }

    /// <summary>Gets or sets a value indicating whether to use the dual-stack (IPv4 and IPv6) endpoint.</summary>
    /// <value>
    /// Defaults to <see langword="false"/>, or <see langword="true"/> when <c>AWS_USE_DUALSTACK_ENDPOINT</c> is
    /// <c>true</c>.
    /// </value>
    public bool UseDualStackEndpoint { get; set; }

    /// <summary>Gets or sets how long one HTTP attempt may take before it is abandoned and retried.</summary>
    /// <value>Defaults to 5 seconds; must be positive.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the longest one publish call spends, retries included, before the rest goes to the
    /// undelivered-record sink.
    /// </summary>
    /// <value>
    /// Defaults to 20 seconds; must be positive. The caller's cancellation token (in Lambda, the invocation deadline)
    /// also bounds it.
    /// </value>
    public TimeSpan MaxPublishDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets how many times one request is sent at most, the first time included.</summary>
    /// <value>Defaults to 8; at least 1.</value>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Gets or sets the base of the exponential backoff; the n-th retry waits a random time up to base × 2ⁿ.
    /// </summary>
    /// <value>Defaults to 100 milliseconds; must be positive and not above <see cref="MaxRetryDelay"/>.</value>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the cap of one backoff wait.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the most bytes of NDJSON lines packed into one Firehose record; 0 sends one Firehose record per
    /// pixel record.
    /// </summary>
    /// <value>
    /// Defaults to 5,000: Direct PUT ingestion is billed per record rounded up to 5 KB, so a pack of 5,000 bytes is one
    /// billed unit whichever way "KB" is counted, 500 such records (base64) fit one PutRecordBatch call, and a packed
    /// record that fails resends some 13 to 25 lines, not hundreds. 0 (off), or 1 to 1,024,000. Turn it off
    /// when a dynamic-partitioning stream does not enable multi-record deaggregation (docs/firehose.md).
    /// </value>
    public int PackedRecordBytes { get; set; } = 5_000;

    /// <summary>
    /// Gets or sets a value indicating whether each publish call writes one CloudWatch Embedded Metric Format line to
    /// standard output.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>. The format is described in docs/firehose.md.</value>
    public bool EmitEmbeddedMetrics { get; set; }

    /// <summary>Gets or sets the CloudWatch namespace of the embedded metrics.</summary>
    /// <value>Defaults to <c>TrackingPixel</c>.</value>
    public string EmbeddedMetricsNamespace { get; set; } = "TrackingPixel";
}
