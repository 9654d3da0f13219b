namespace TrackingPixel.Lambda.Events;

/// <summary>
/// Decides whether an event is an HTTP request the pixel answers, strictly from the documented shapes: every other
/// event gets a clear error, never a record of missing values.
/// </summary>
/// <remarks>
/// A pixel request has a <c>requestContext</c> object and, for payload 2.0 (HTTP API, Function URL), the strings
/// <c>rawPath</c> and <c>requestContext.http.method</c>; for payload 1.0 (REST API) and Application Load Balancer
/// events, the strings <c>httpMethod</c> and <c>path</c>. Events that look half like one, such as a Bedrock agent's
/// (<c>httpMethod</c>, <c>apiPath</c>, no <c>requestContext</c>) or a Lambda destination record
/// (<c>"version": "1.0"</c> and a <c>requestContext</c>, no method or path), fail those rules.
/// </remarks>
internal static class EventShape
{
    /// <summary>What the host answers, appended to every error message.</summary>
    public const string Supported =
        "TrackingPixel.Lambda answers API Gateway HTTP API (payload 2.0), REST API (payload 1.0), Function URL and " +
        "Application Load Balancer requests.";

    // Top-level members that name an event source which is never an HTTP request, for a message that says what it is.
    private static readonly (byte[] Member, string Source)[] Hints =
    [
        ("Records"u8.ToArray(), "a batch of records (S3, SQS, SNS, DynamoDB, Kinesis, SES, Amazon MQ, " +
            "CloudFront Lambda@Edge…)"),
        ("records"u8.ToArray(), "a batch of records (Amazon MSK, self-managed Kafka, Firehose transformation…)"),
        ("rmqMessagesByQueue"u8.ToArray(), "an Amazon MQ for RabbitMQ event"),
        ("detail-type"u8.ToArray(), "an Amazon EventBridge (CloudWatch Events) event"),
        ("awslogs"u8.ToArray(), "a CloudWatch Logs subscription event"),
        ("triggerSource"u8.ToArray(), "an Amazon Cognito user pool trigger"),
        ("invokingEvent"u8.ToArray(), "an AWS Config rule event"),
        ("actionGroup"u8.ToArray(), "an Amazon Bedrock agent action group event"),
        ("requestPayload"u8.ToArray(), "a Lambda destination record"),
        ("RequestType"u8.ToArray(), "a CloudFormation custom resource request"),
        ("CodePipeline.job"u8.ToArray(), "an AWS CodePipeline job"),
        ("alarmData"u8.ToArray(), "a CloudWatch alarm action"),
        ("deliveryStreamArn"u8.ToArray(), "a Firehose data transformation event"),
        ("arguments"u8.ToArray(), "an AWS AppSync resolver event"),
        ("Step"u8.ToArray(), "an AWS Secrets Manager rotation event"),
    ];

    /// <summary>The event source a top-level member name gives away, or <see langword="null"/>.</summary>
    public static string? HintFor(ReadOnlySpan<byte> member)
    {
        foreach (var (name, source) in Hints)
        {
            if (member.SequenceEqual(name))
            {
                return source;
            }
        }

        return null;
    }

    /// <summary>Returns the kind of HTTP event <paramref name="facts"/> describe.</summary>
    /// <exception cref="UnsupportedEventException">The event has none of the documented HTTP shapes.</exception>
    public static LambdaEventKind Classify(in EventFacts facts)
    {
        if (facts.IsWebSocket)
        {
            throw Reject(
                "it is an API Gateway WebSocket API event (its requestContext has a connectionId or eventType)");
        }

        if (!facts.HasRequestContext)
        {
            throw Reject(facts.Hint is { } hint ? $"it looks like {hint}" : "it has no \"requestContext\" object");
        }

        if (facts.Version == EventVersion.V2)
        {
            return facts.RawPath.IsString && facts.HasHttpContext && facts.ContextMethod.IsString
                ? facts.IsFunctionUrlDomain ? LambdaEventKind.FunctionUrl : LambdaEventKind.HttpApiV2
                : throw Reject("a payload 2.0 event needs the strings \"rawPath\" and \"requestContext.http.method\"");
        }

        if (facts.Version == EventVersion.Other)
        {
            throw Reject("its \"version\" is neither \"2.0\" nor \"1.0\"");
        }

        if (!facts.HttpMethod.IsString || !facts.Path.IsString)
        {
            throw Reject(facts.Hint is { } hint ? $"it looks like {hint}"
                : "it has neither payload 2.0's \"rawPath\" nor the strings \"httpMethod\" and \"path\"");
        }

        if (!facts.IsLoadBalancer)
        {
            return LambdaEventKind.RestApiV1;
        }

        // A target group with multi-value headers enabled sends only the multi-value maps, and expects them back.
        return facts.MultiValueHeaders.IsPresent || facts.MultiValueQuery.IsPresent
            ? LambdaEventKind.ApplicationLoadBalancerMultiValue
            : LambdaEventKind.ApplicationLoadBalancer;
    }

    private static UnsupportedEventException Reject(string reason) =>
        new($"The event is not an HTTP request: {reason}. {Supported}");
}
