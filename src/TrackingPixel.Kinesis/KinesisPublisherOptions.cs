namespace TrackingPixel.Kinesis;

/// <summary>Options of the Amazon Kinesis Data Streams publisher.</summary>
/// <remarks>
/// Unset values come from the standard AWS environment variables: the region from the stream's ARN, then
/// <c>AWS_REGION</c> or <c>AWS_DEFAULT_REGION</c>; the endpoint from <c>AWS_ENDPOINT_URL_KINESIS</c> or
/// <c>AWS_ENDPOINT_URL</c>; FIPS and dual-stack from <c>AWS_USE_FIPS_ENDPOINT</c> and
/// <c>AWS_USE_DUALSTACK_ENDPOINT</c>. The options are validated when the publisher is first resolved; the error says
/// which setting to fix.
/// </remarks>
public sealed class KinesisPublisherOptions
{
    /// <summary>Gets or sets the stream records are put to: its name or its ARN.</summary>
    /// <value>Required: a name of 1 to 128 characters of <c>[a-zA-Z0-9_.-]</c>, or an ARN such as
    /// <c>arn:aws:kinesis:eu-west-1:123456789012:stream/pixels</c>. The reference sample reads it from
    /// <c>TRACKINGPIXEL_KINESIS_STREAM</c>.</value>
    public string? Stream { get; set; }

    /// <summary>Gets or sets the AWS region of the stream, for example <c>eu-west-1</c>.</summary>
    /// <value>Defaults to the region in the stream's ARN, then <c>AWS_REGION</c>, then
    /// <c>AWS_DEFAULT_REGION</c>.</value>
    public string? Region { get; set; }

    /// <summary>Gets or sets an explicit endpoint, such as a VPC endpoint or a local test server.</summary>
    /// <value>Defaults to <c>AWS_ENDPOINT_URL_KINESIS</c>, then <c>AWS_ENDPOINT_URL</c>, then the region's
    /// public endpoint.</value>
    public Uri? EndpointUrl { get; set; }

    /// <summary>Gets or sets a value indicating whether to use the FIPS endpoint
    /// (<c>kinesis-fips.{region}</c>).</summary>
    /// <value>Defaults to <see langword="false"/>, or <see langword="true"/> when <c>AWS_USE_FIPS_ENDPOINT</c> is
    /// <c>true</c>.</value>
    public bool UseFipsEndpoint { get; set; }

    /// <summary>Gets or sets a value indicating whether to use the dual-stack (IPv4 and IPv6) endpoint.</summary>
    /// <value>Defaults to <see langword="false"/>, or <see langword="true"/> when <c>AWS_USE_DUALSTACK_ENDPOINT</c>
    /// is <c>true</c>.</value>
    public bool UseDualStackEndpoint { get; set; }

    /// <summary>Gets or sets the record field whose value is the partition key, for per-key order.</summary>
    /// <value>Defaults to <see langword="null"/>: a random key per Kinesis record, so the shards fill evenly. A
    /// top-level string or number field such as <c>eventId</c> or <c>userId</c> keeps each value's records in order
    /// on one shard, which then takes that value's whole load (docs/kinesis.md). Records without the field get a
    /// random key; values over 256 characters are cut to 256.</value>
    public string? PartitionKeyField { get; set; }

    /// <summary>Gets or sets the size up to which the records of one publish call are packed into one Kinesis
    /// record.</summary>
    /// <value>Defaults to 0: each pixel record is its own Kinesis record. From 1 to 1,047,552 bytes: consecutive
    /// records (with <see cref="PartitionKeyField"/>, those of one key) are concatenated, each still ending in
    /// <c>"\n"</c>, while they fit. Kinesis bills each record rounded up to 1 KB and Firehose, reading the stream,
    /// to 5 KB, so 5000 cuts the bill for small records; consumers then split a Kinesis record into lines.</value>
    public int PackedRecordBytes { get; set; }

    /// <summary>Gets or sets how long one HTTP attempt may take before it is abandoned and retried.</summary>
    /// <value>Defaults to 5 seconds; must be positive.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the longest one publish call spends, retries included, before the rest goes to the
    /// undelivered-record sink.</summary>
    /// <value>Defaults to 20 seconds; must be positive. The caller's cancellation token (in Lambda, the invocation
    /// deadline) also bounds it.</value>
    public TimeSpan MaxPublishDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets how many times one request is sent at most, the first time included.</summary>
    /// <value>Defaults to 8; at least 1.</value>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Gets or sets the base of the exponential backoff; the n-th retry waits a random time up to
    /// base × 2ⁿ.</summary>
    /// <value>Defaults to 100 milliseconds; must be positive and not above <see cref="MaxRetryDelay"/>.</value>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the cap of one backoff wait.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
