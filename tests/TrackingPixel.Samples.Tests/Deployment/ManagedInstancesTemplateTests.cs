using YamlDotNet.RepresentationModel;
using static TrackingPixel.Samples.Tests.Deployment.SamTemplate;

namespace TrackingPixel.Samples.Tests.Deployment;

/// <summary>template-managed-instances.yaml: the function on a capacity provider, as SAM documents it.</summary>
public class ManagedInstancesTemplateTests
{
    private readonly SamTemplate _template = SamTemplate.Load("template-managed-instances.yaml");
    private readonly SamTemplate _standard = SamTemplate.Load();

    [Fact]
    public void CapacityProvider_LaunchesInTheSubnetsAndSecurityGroupsGivenAsRequiredParameters()
    {
        var provider = _template.Resource("PixelCapacityProvider");
        var vpc = Map(Map(provider, "Properties"), "VpcConfig");

        Assert.Equal("AWS::Serverless::CapacityProvider", Scalar(provider, "Type"));
        AssertRef("SubnetIds", Node(vpc, "SubnetIds"));
        AssertRef("SecurityGroupIds", Node(vpc, "SecurityGroupIds"));
        Assert.Equal("List<AWS::EC2::Subnet::Id>", Scalar(_template.Parameter("SubnetIds"), "Type"));
        Assert.Equal("List<AWS::EC2::SecurityGroup::Id>", Scalar(_template.Parameter("SecurityGroupIds"), "Type"));
        Assert.False(Has(_template.Parameter("SubnetIds"), "Default"));
        Assert.False(Has(_template.Parameter("SecurityGroupIds"), "Default"));
    }

    [Fact]
    public void CapacityProvider_RunsTheFunctionsArchitectureAndCapsItsVCpus()
    {
        var properties = Map(_template.Resource("PixelCapacityProvider"), "Properties");
        var function = Map(_template.Resource("PixelFunction"), "Properties");

        AssertRef("Architecture", Assert.Single(Seq(Map(properties, "InstanceRequirements"), "Architectures")));
        AssertRef("Architecture", Assert.Single(Seq(function, "Architectures")));
        AssertRef("MaxVCpuCount", Node(Map(properties, "ScalingConfig"), "MaxVCpuCount"));
        Assert.Equal("2", Scalar(_template.Parameter("MaxVCpuCount"), "MinValue"));
    }

    [Fact]
    public void Function_RunsOnTheCapacityProviderWithItsConcurrencyAndMemoryPerVCpuFromParameters()
    {
        var config = Map(Map(_template.Resource("PixelFunction"), "Properties"), "CapacityProviderConfig");
        var arn = Node(config, "Arn");
        var concurrency = _template.Parameter("PerExecutionEnvironmentMaxConcurrency");
        var ratio = _template.Parameter("ExecutionEnvironmentMemoryGiBPerVCpu");

        Assert.Equal(
            ["Arn", "PerExecutionEnvironmentMaxConcurrency", "ExecutionEnvironmentMemoryGiBPerVCpu"], Keys(config));
        Assert.Equal("!GetAtt", arn.Tag.Value);
        Assert.Equal("PixelCapacityProvider.Arn", ((YamlScalarNode)arn).Value);
        AssertRef("PerExecutionEnvironmentMaxConcurrency", Node(config, "PerExecutionEnvironmentMaxConcurrency"));
        AssertRef("ExecutionEnvironmentMemoryGiBPerVCpu", Node(config, "ExecutionEnvironmentMemoryGiBPerVCpu"));

        // CloudFormation's limits (AWS::Lambda::Function LambdaManagedInstancesCapacityProviderConfig) and the host's.
        Assert.Equal(
            ("32", "1", "1600"),
            (Scalar(concurrency, "Default"), Scalar(concurrency, "MinValue"), Scalar(concurrency, "MaxValue")));
        Assert.Equal(["2", "4", "8"], Seq(ratio, "AllowedValues").Select(n => ((YamlScalarNode)n).Value!));
        Assert.Equal("2048", Scalar(_template.Parameter("MemorySize"), "MinValue"));
    }

    [Fact]
    public void Function_HasNoPropertyThatExcludesACapacityProvider()
    {
        var properties = Map(_template.Resource("PixelFunction"), "Properties");

        // SAM rejects these next to CapacityProviderConfig; the network belongs to the capacity provider.
        Assert.False(Has(properties, "VpcConfig"));
        Assert.False(Has(properties, "ProvisionedConcurrencyConfig"));
        Assert.False(Has(properties, "ReservedConcurrentExecutions"));
    }

    [Fact]
    public void HttpApi_InvokesThePublishedAliasThroughOneIntegrationAndPermission()
    {
        var properties = Map(_template.Resource("PixelFunction"), "Properties");
        var integration = Map(_template.Resource("PixelIntegration"), "Properties");
        var permission = Map(_template.Resource("PixelHttpApiPermission"), "Properties");

        Assert.Equal("live", Scalar(properties, "AutoPublishAlias"));
        AssertRef("PixelFunction.Alias", Node(integration, "IntegrationUri"));
        AssertRef("PixelFunction.Alias", Node(permission, "FunctionName"));
        Assert.All(
            new[] { "PixelGetRoute", "PixelHeadRoute" }.Select(_template.Resource),
            r => Assert.Equal("integrations/${PixelIntegration}", Scalar(Map(r, "Properties"), "Target")));
    }

    [Fact]
    public void Function_IsTheStandardTemplatesBootstrapWithItsLeastPrivilegePolicyAndEnvironment()
    {
        var properties = Map(_template.Resource("PixelFunction"), "Properties");
        var standard = Map(_standard.Resource("PixelFunction"), "Properties");

        Assert.Equal("makefile", Scalar(Map(_template.Resource("PixelFunction"), "Metadata"), "BuildMethod"));
        foreach (var key in new[] { "Runtime", "Handler", "CodeUri", "Timeout" })
        {
            Assert.Equal(Scalar(standard, key), Scalar(properties, key));
        }

        // The Managed Instances template publishes pixels to an existing Firehose stream only: the standard
        // template's Kinesis sink and its beacon and click endpoints are not offered there (docs/lambda.md).
        string[] standardOnly =
        [
            "TRACKINGPIXEL_KINESIS_STREAM", "TRACKINGPIXEL_BEACON_PATH", "TRACKINGPIXEL_BEACON_ORIGINS",
            "TRACKINGPIXEL_CLICK_PATH", "TRACKINGPIXEL_CLICK_KEYS", "TRACKINGPIXEL_CLICK_FALLBACK_URL",
        ];
        Assert.Equal(Variables(standard).Except(standardOnly), Variables(properties));
        Assert.All(standardOnly, v => Assert.Contains(v, Variables(standard)));
        var statement = Assert.Single(Seq(Assert.Single(Seq(properties, "Policies")), "Statement"));
        // The standard template chooses its policy with !If [UseKinesisStream, Kinesis, Firehose]: compare the Firehose
        // one.
        var choice = (YamlSequenceNode)Assert.Single(Seq(standard, "Policies"));
        Assert.Equal("UseKinesisStream", ((YamlScalarNode)choice.Children[0]).Value);
        var standardStatement = Assert.Single(Seq(choice.Children[2], "Statement"));
        Assert.Equal(Actions(standardStatement), Actions(statement));
        Assert.Equal(Arn(standardStatement), Arn(statement));
        Assert.Single(Descendants(_template.Root).OfType<YamlMappingNode>(), m => Has(m, "Effect"));
    }

    [Fact]
    public void PixelPath_HasTheStandardTemplatesPattern()
    {
        Assert.Equal(
            Scalar(_standard.Parameter("PixelPath"), "AllowedPattern"),
            Scalar(_template.Parameter("PixelPath"), "AllowedPattern"));
    }

    private static YamlNode Node(YamlNode map, string key) => ((YamlMappingNode)map).Children[new YamlScalarNode(key)];

    private static string[] Keys(YamlMappingNode map) => [.. map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];

    private static string[] Variables(YamlNode properties) => Keys(Map(Map(properties, "Environment"), "Variables"));

    private static string[] Actions(YamlNode statement) =>
        [.. Seq(statement, "Action").Select(n => ((YamlScalarNode)n).Value!)];

    private static string Arn(YamlNode statement) =>
        ((YamlScalarNode)((YamlSequenceNode)Node(statement, "Resource")).Children[0]).Value!;

    private static void AssertRef(string name, YamlNode node)
    {
        Assert.Equal("!Ref", node.Tag.Value);
        Assert.Equal(name, ((YamlScalarNode)node).Value);
    }
}
