using TrackingPixel.Aws.Tests.Support;

namespace TrackingPixel.Aws.Tests.Client;

public sealed class AwsEndpointTests
{
    [Theory]
    [InlineData("us-east-1", false, false, "firehose.us-east-1.amazonaws.com")]
    [InlineData("us-east-1", true, false, "firehose-fips.us-east-1.amazonaws.com")]
    [InlineData("eu-west-1", false, true, "firehose.eu-west-1.api.aws")]
    [InlineData("us-west-2", true, true, "firehose-fips.us-west-2.api.aws")]
    [InlineData("cn-north-1", false, false, "firehose.cn-north-1.amazonaws.com.cn")]
    [InlineData("cn-northwest-1", false, true, "firehose.cn-northwest-1.api.amazonwebservices.com.cn")]
    [InlineData("us-gov-west-1", false, false, "firehose.us-gov-west-1.amazonaws.com")]
    [InlineData("us-gov-east-1", true, false, "firehose-fips.us-gov-east-1.amazonaws.com")]
    [InlineData("us-gov-west-1", false, true, "firehose.us-gov-west-1.api.aws")]
    [InlineData("us-iso-east-1", false, false, "firehose.us-iso-east-1.c2s.ic.gov")]
    [InlineData("us-isob-east-1", true, false, "firehose-fips.us-isob-east-1.sc2s.sgov.gov")]
    [InlineData("eu-isoe-west-1", false, false, "firehose.eu-isoe-west-1.cloud.adc-e.uk")]
    [InlineData("us-isof-south-1", false, false, "firehose.us-isof-south-1.csp.hci.ic.gov")]
    [InlineData("eusc-de-east-1", false, false, "firehose.eusc-de-east-1.amazonaws.eu")]
    [InlineData("il-central-1", false, true, "firehose.il-central-1.api.aws")]
    [InlineData("xx-future-1", false, false, "firehose.xx-future-1.amazonaws.com")]
    public void HostFor_PartitionAndVariant_MatchesBotocoreRules(
        string region, bool fips, bool dualStack, string expected) =>
        Assert.Equal(expected, AwsEndpoint.HostFor(AwsService.Firehose, region, fips, dualStack));

    [Fact]
    public void HostFor_KinesisService_UsesItsPrefix() =>
        Assert.Equal(
            "kinesis-fips.eu-west-1.api.aws", AwsEndpoint.HostFor(AwsService.Kinesis, "eu-west-1", true, true));

    [Fact]
    public void HostFor_DualStackInIsoPartition_FailsNamingThePartition()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => AwsEndpoint.HostFor(AwsService.Firehose, "us-iso-east-1", false, true));

        Assert.Contains("aws-iso", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Firehose", "AWS_ENDPOINT_URL_FIREHOSE")]
    [InlineData("Kinesis", "AWS_ENDPOINT_URL_KINESIS")]
    [InlineData("Application Auto Scaling", "AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING")]
    public void EndpointVariable_ServiceId_UpperCasedWithUnderscores(string serviceId, string expected) =>
        Assert.Equal(expected, new AwsService(serviceId, "x", "x").EndpointVariable);

    [Fact]
    public void Resolve_KinesisEndpointVariable_DoesNotApplyToFirehose()
    {
        var env = new FakeEnvironment(
            new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_KINESIS"] = "http://k:1" });

        Assert.Equal("firehose.us-east-1.amazonaws.com", Resolve(env).Url.Host);
        Assert.Equal(new Uri("http://k:1"), AwsEndpoint.Resolve(AwsService.Kinesis, null, null, false, false, env).Url);
    }

    [Fact]
    public void Resolve_DualStackVariable_UsesDualStackSuffix()
    {
        var env = new FakeEnvironment(new() { ["AWS_REGION"] = "cn-north-1", ["AWS_USE_DUALSTACK_ENDPOINT"] = "TRUE" });

        Assert.Equal("firehose.cn-north-1.api.amazonwebservices.com.cn", Resolve(env).Url.Host);
    }

    [Fact]
    public void Resolve_RegionFromAwsRegionBeforeDefaultRegion_UsesAwsRegion()
    {
        var env = new FakeEnvironment(new() { ["AWS_REGION"] = "eu-central-1", ["AWS_DEFAULT_REGION"] = "us-east-1" });

        var endpoint = Resolve(env);

        Assert.Equal(
            new AwsEndpoint(new Uri("https://firehose.eu-central-1.amazonaws.com/"), "eu-central-1"), endpoint);
    }

    [Fact]
    public void Resolve_OnlyDefaultRegionAndFipsVariable_UsesBoth()
    {
        var env = new FakeEnvironment(
            new() { ["AWS_DEFAULT_REGION"] = "us-east-2", ["AWS_USE_FIPS_ENDPOINT"] = "true" });

        Assert.Equal("firehose-fips.us-east-2.amazonaws.com", Resolve(env).Url.Host);
    }

    [Fact]
    public void Resolve_ServiceSpecificEndpointVariable_WinsOverGlobalOne()
    {
        var env = new FakeEnvironment(
            new()
            {
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ENDPOINT_URL"] = "http://global:1",
                ["AWS_ENDPOINT_URL_FIREHOSE"] = "http://firehose-only:2",
            });

        Assert.Equal(new Uri("http://firehose-only:2"), Resolve(env).Url);
        env["AWS_ENDPOINT_URL_FIREHOSE"] = null;
        Assert.Equal(new Uri("http://global:1"), Resolve(env).Url);
    }

    [Fact]
    public void Resolve_OptionsSet_WinOverEnvironment()
    {
        var env = new FakeEnvironment(
            new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_FIREHOSE"] = "http://env:1" });
        var options = (
            Region: "ap-south-1", EndpointUrl: new Uri("https://vpce-1.firehose.ap-south-1.vpce.amazonaws.com"));

        Assert.Equal(
            new AwsEndpoint(options.EndpointUrl, "ap-south-1"),
            AwsEndpoint.Resolve(AwsService.Firehose, options.Region, options.EndpointUrl, false, false, env));
    }

    private static AwsEndpoint Resolve(FakeEnvironment env) =>
        AwsEndpoint.Resolve(AwsService.Firehose, null, null, false, false, env);
}
