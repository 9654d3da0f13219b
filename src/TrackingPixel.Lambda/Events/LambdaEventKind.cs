namespace TrackingPixel.Lambda.Events;

/// <summary>The HTTP event shapes the host understands, recognised from the event's JSON.</summary>
internal enum LambdaEventKind
{
    /// <summary>API Gateway HTTP API, payload format 2.0.</summary>
    HttpApiV2,

    /// <summary>A Lambda Function URL: payload format 2.0 with placeholder route and stage.</summary>
    FunctionUrl,

    /// <summary>API Gateway REST API proxy integration, or an HTTP API with payload format 1.0.</summary>
    RestApiV1,

    /// <summary>
    /// An Application Load Balancer target group: single-value <c>headers</c> and <c>queryStringParameters</c>.
    /// </summary>
    ApplicationLoadBalancer,

    /// <summary>An Application Load Balancer target group with multi-value headers enabled.</summary>
    ApplicationLoadBalancerMultiValue,
}
