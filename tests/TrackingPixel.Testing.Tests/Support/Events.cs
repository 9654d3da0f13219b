namespace TrackingPixel.Testing.Tests.Support;

/// <summary>One event of each kind the Lambda host reads: the repository's fixtures and two load balancer
/// events.</summary>
public static class Events
{
    public static readonly string LoadBalancer = """
        {"requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/p/1"}},
         "httpMethod":"GET","path":"/pixel.gif",
         "queryStringParameters":{"userid":"alb%20user","thirdpartyname":"alb.example"},
         "headers":{"user-agent":"curl/8.5.0","x-forwarded-for":"192.0.2.1, 198.51.100.9","cookie":"a=1; b=2"},
         "body":"","isBase64Encoded":false}
        """;

    public static readonly string LoadBalancerMultiValue = """
        {"requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/p/1"}},
         "httpMethod":"GET","path":"/pixel.gif",
         "multiValueQueryStringParameters":{"userid":["first","second"],"thirdpartyname":["alb.example"]},
         "multiValueHeaders":{"user-agent":["curl/8.5.0"],"x-forwarded-for":["198.51.100.9"],
           "accept-language":["en","de"]},
         "body":"","isBase64Encoded":false}
        """;

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", name));
}
