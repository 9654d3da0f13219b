using YamlDotNet.RepresentationModel;
using static TrackingPixel.Samples.Tests.Deployment.SamTemplate;

namespace TrackingPixel.Samples.Tests.Deployment;

public class TemplateTests
{
    private readonly SamTemplate _template = SamTemplate.Load();

    [Fact]
    public void Template_UsesTheSamTransform()
    {
        Assert.Equal("AWS::Serverless-2016-10-31", Scalar(_template.Root, "Transform"));
    }

    [Fact]
    public void PixelFunction_RunsTheAotBootstrapOnProvidedAl2023BuiltByTheMakefile()
    {
        var function = _template.Resource("PixelFunction");
        var properties = Map(function, "Properties");

        Assert.Equal("AWS::Serverless::Function", Scalar(function, "Type"));
        Assert.Equal("makefile", Scalar(Map(function, "Metadata"), "BuildMethod"));
        Assert.Equal("provided.al2023", Scalar(properties, "Runtime"));
        Assert.Equal("bootstrap", Scalar(properties, "Handler"));
        Assert.Equal(".", Scalar(properties, "CodeUri"));
        var makefile = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Deployment", "Makefile"));
        Assert.Contains("build-PixelFunction:", makefile, StringComparison.Ordinal);
    }

    [Fact]
    public void Architectures_ComeFromAParameterAllowingOnlyX86AndArm()
    {
        var parameter = Map(Map(_template.Root, "Parameters"), "Architecture");
        var allowed = Seq(parameter, "AllowedValues").Select(n => ((YamlScalarNode)n).Value!).ToArray();
        var architectures = Seq(Map(_template.Resource("PixelFunction"), "Properties"), "Architectures");

        Assert.Equal(["x86_64", "arm64"], allowed);
        Assert.Equal("x86_64", Scalar(parameter, "Default"));
        var reference = Assert.Single(architectures);
        Assert.Equal("!Ref", reference.Tag.Value);
        Assert.Equal("Architecture", ((YamlScalarNode)reference).Value);
    }

    [Fact]
    public void HttpApiRoutes_ServeGetAndHeadOnThePixelPathParameterThroughTheOneIntegration()
    {
        var routes = new[] { "PixelGetRoute", "PixelHeadRoute" }.Select(_template.Resource).ToArray();

        Assert.All(routes, r => Assert.Equal("UseHttpApi", Scalar(r, "Condition")));
        var keys = routes.Select(r => (YamlSequenceNode)Map(r, "Properties").Children[new YamlScalarNode("RouteKey")]);
        Assert.Equal(
            ["GET ${RoutePath}", "HEAD ${RoutePath}"],
            keys.Select(k => ((YamlScalarNode)k.Children[0]).Value).Order());
        Assert.All(
            routes, r => Assert.Equal("integrations/${PixelIntegration}", Scalar(Map(r, "Properties"), "Target")));
        Assert.Equal("/pixel.gif", Scalar(Map(Map(_template.Root, "Parameters"), "PixelPath"), "Default"));
    }

    [Fact]
    public void HttpApiRoutes_ServeTheBeaconAndClickPathsThroughTheOneIntegration()
    {
        var keys = new[] { "BeaconPostRoute", "BeaconOptionsRoute", "ClickGetRoute", "ClickHeadRoute" }.ToDictionary(
            name => name,
            name => Map(_template.Resource(name), "Properties"));

        Assert.Equal("POST ${BeaconPath}", Scalar(keys["BeaconPostRoute"], "RouteKey"));
        Assert.Equal("OPTIONS ${BeaconPath}", Scalar(keys["BeaconOptionsRoute"], "RouteKey"));
        Assert.Equal("GET ${ClickPath}", Scalar(keys["ClickGetRoute"], "RouteKey"));
        Assert.Equal("HEAD ${ClickPath}", Scalar(keys["ClickHeadRoute"], "RouteKey"));
        Assert.All(keys.Values, p => Assert.Equal("integrations/${PixelIntegration}", Scalar(p, "Target")));
        var parameters = Map(_template.Root, "Parameters");
        Assert.Equal("/beacon", Scalar(Map(parameters, "BeaconPath"), "Default"));
        Assert.Equal("/click", Scalar(Map(parameters, "ClickPath"), "Default"));
        Assert.Equal("true", Scalar(Map(parameters, "ClickSigningKeys"), "NoEcho"));
        var variables = Map(Map(Map(_template.Resource("PixelFunction"), "Properties"), "Environment"), "Variables");
        Assert.Equal("BeaconPath", Scalar(variables, "TRACKINGPIXEL_BEACON_PATH"));
        Assert.Equal("ClickPath", Scalar(variables, "TRACKINGPIXEL_CLICK_PATH"));
        Assert.Equal("ClickSigningKeys", Scalar(variables, "TRACKINGPIXEL_CLICK_KEYS"));
    }

    [Fact]
    public void FunctionPolicy_AllowsOnlyPutRecordsOnTheKinesisStreamOrPutRecordBatchOnTheOneDeliveryStream()
    {
        var policies = Seq(Map(_template.Resource("PixelFunction"), "Properties"), "Policies");
        var choice = (YamlSequenceNode)Assert.Single(policies);
        var kinesis = Assert.Single(Seq(choice.Children[1], "Statement"));
        var firehose = Assert.Single(Seq(choice.Children[2], "Statement"));

        Assert.Equal("!If", choice.Tag.Value);
        Assert.Equal("UseKinesisStream", ((YamlScalarNode)choice.Children[0]).Value);
        Assert.Equal(["kinesis:PutRecords"], Actions(kinesis));
        Assert.Equal(["RecordsStream.Arn"], GetAtt(kinesis, "Resource"));
        Assert.Equal(["firehose:PutRecord", "firehose:PutRecordBatch"], Actions(firehose));
        var resource = ((YamlMappingNode)firehose).Children[new YamlScalarNode("Resource")];
        Assert.Equal("!Sub", resource.Tag.Value);
        var arn = ((YamlScalarNode)((YamlSequenceNode)resource).Children[0]).Value!;
        Assert.EndsWith(":deliverystream/${StreamName}", arn, StringComparison.Ordinal);
        Assert.DoesNotContain("*", arn, StringComparison.Ordinal);
    }

    [Fact]
    public void Sink_IsFirehoseByDefaultOrAKinesisStreamWhoseArnTheFunctionIsGiven()
    {
        var sink = Map(Map(_template.Root, "Parameters"), "Sink");
        var variables = Map(Map(Map(_template.Resource("PixelFunction"), "Properties"), "Environment"), "Variables");
        var stream = (YamlSequenceNode)variables.Children[new YamlScalarNode("TRACKINGPIXEL_KINESIS_STREAM")];
        var firehose = (YamlSequenceNode)variables.Children[new YamlScalarNode("KINESIS_FIREHOSE_STREAM_NAME")];

        Assert.Equal(["Firehose", "KinesisStream"], Seq(sink, "AllowedValues").Select(n => ((YamlScalarNode)n).Value!));
        Assert.Equal("Firehose", Scalar(sink, "Default"));
        var condition = Map(_template.Root, "Conditions").Children[new YamlScalarNode("UseKinesisStream")];
        Assert.Equal("!Equals", condition.Tag.Value);
        Assert.Equal(["UseKinesisStream", "RecordsStream.Arn", "AWS::NoValue"], Values(stream));
        Assert.Equal("!GetAtt", stream.Children[1].Tag.Value);
        Assert.Equal("AWS::NoValue", ((YamlScalarNode)firehose.Children[1]).Value);
    }

    [Fact]
    public void KinesisStream_IsOnDemandAndEncryptedWithTheAwsManagedKeyOnlyWithSinkKinesisStream()
    {
        var stream = _template.Resource("RecordsStream");
        var properties = Map(stream, "Properties");

        Assert.Equal("AWS::Kinesis::Stream", Scalar(stream, "Type"));
        Assert.Equal("UseKinesisStream", Scalar(stream, "Condition"));
        Assert.Equal("ON_DEMAND", Scalar(Map(properties, "StreamModeDetails"), "StreamMode"));
        Assert.False(Has(properties, "ShardCount"), "an on-demand stream sizes its own shards");
        Assert.Equal("KMS", Scalar(Map(properties, "StreamEncryption"), "EncryptionType"));
        Assert.Equal("alias/aws/kinesis", Scalar(Map(properties, "StreamEncryption"), "KeyId"));
    }

    [Fact]
    public void DeliveryStream_ReadsTheKinesisStreamThroughARoleThatMayOnlyReadIt()
    {
        var properties = Map(_template.Resource("RecordsDeliveryStream"), "Properties");
        var type = (YamlSequenceNode)properties.Children[new YamlScalarNode("DeliveryStreamType")];
        var source = (YamlSequenceNode)properties.Children[new YamlScalarNode("KinesisStreamSourceConfiguration")];
        var role = _template.Resource("StreamReadRole");
        var policy = Assert.Single(Seq(Map(role, "Properties"), "Policies"));
        var statement = Assert.Single(Seq(Map(policy, "PolicyDocument"), "Statement"));
        var trust = Assert.Single(Seq(Map(Map(role, "Properties"), "AssumeRolePolicyDocument"), "Statement"));

        Assert.Equal(["UseKinesisStream", "KinesisStreamAsSource", "DirectPut"], Values(type));
        Assert.Equal(["RecordsStream.Arn"], GetAtt(source.Children[1], "KinesisStreamARN"));
        Assert.Equal(["StreamReadRole.Arn"], GetAtt(source.Children[1], "RoleARN"));
        Assert.Equal("UseKinesisStream", Scalar(role, "Condition"));
        Assert.Equal("firehose.amazonaws.com", Scalar(Map(trust, "Principal"), "Service"));
        Assert.Equal(
            ["kinesis:DescribeStream", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"],
            Actions(statement).Order());
        Assert.Equal(["RecordsStream.Arn"], GetAtt(statement, "Resource"));
    }

    private static string[] Actions(YamlNode statement) => Values(Seq(statement, "Action"));

    private static string[] Values(YamlSequenceNode list) => list.Select(n => ((YamlScalarNode)n).Value!).ToArray();

    private static string[] GetAtt(YamlNode node, string key)
    {
        var value = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        Assert.Equal("!GetAtt", value.Tag.Value);
        return [((YamlScalarNode)value).Value!];
    }

    [Fact]
    public void Template_GrantsNoWildcardActionToTheFunctionOrTheDeliveryRole()
    {
        var allowStatements = Descendants(_template.Root).OfType<YamlMappingNode>()
            .Where(m => Has(m, "Effect") && Scalar(m, "Effect") == "Allow");

        foreach (var statement in allowStatements)
        {
            var actions = ((YamlMappingNode)statement).Children[new YamlScalarNode("Action")];
            var names = actions is YamlSequenceNode list
                ? list.Select(n => ((YamlScalarNode)n).Value!)
                : [((YamlScalarNode)actions).Value!];
            Assert.All(names, a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CreatedBucket_IsEncryptedPrivateAndTlsOnly()
    {
        var properties = Map(_template.Resource("RecordsBucket"), "Properties");
        var block = Map(properties, "PublicAccessBlockConfiguration");
        var encryption = Seq(Map(properties, "BucketEncryption"), "ServerSideEncryptionConfiguration");

        Assert.All(block.Children.Values, v => Assert.Equal("true", ((YamlScalarNode)v).Value));
        Assert.Equal(4, block.Children.Count);
        Assert.Equal("AES256", Scalar(Map(Assert.Single(encryption), "ServerSideEncryptionByDefault"), "SSEAlgorithm"));
        var deny = Assert.Single(
            Seq(Map(Map(_template.Resource("RecordsBucketPolicy"), "Properties"), "PolicyDocument"), "Statement"));
        Assert.Equal("Deny", Scalar(deny, "Effect"));
        Assert.Equal("false", Scalar(Map(Map(deny, "Condition"), "Bool"), "aws:SecureTransport"));
    }

    [Fact]
    public void CreatedStream_WritesHourlyPrefixesOnlyWhenNoStreamIsGiven()
    {
        var stream = _template.Resource("RecordsDeliveryStream");
        var destination = Map(Map(stream, "Properties"), "ExtendedS3DestinationConfiguration");

        Assert.Equal("CreateDeliveryStream", Scalar(stream, "Condition"));
        Assert.Equal("CreateDeliveryStream", Scalar(_template.Resource("RecordsBucket"), "Condition"));
        Assert.Contains("hour=!{timestamp:HH}/", Scalar(destination, "Prefix"), StringComparison.Ordinal);
        Assert.False(
            Has(destination, "ProcessingConfiguration"),
            "records carry their own newline; a delimiter processor would add blank lines");
    }

    [Fact]
    public void Logging_IsJsonSoRecordsKeptForReplayAreSearchable()
    {
        var logging = Map(Map(_template.Resource("PixelFunction"), "Properties"), "LoggingConfig");

        Assert.Equal("JSON", Scalar(logging, "LogFormat"));
    }

    [Fact]
    public void Outputs_GiveThePixelUrlOfEachFrontDoorAndAnImgTagPointingAtIt()
    {
        var outputs = Map(_template.Root, "Outputs");
        var urls = Descendants(Map(outputs, "PixelUrl")).OfType<YamlScalarNode>().Select(n => n.Value).ToArray();
        var img = Descendants(Map(outputs, "ImgTag")).OfType<YamlScalarNode>().Select(n => n.Value).ToArray();

        Assert.Contains("https://${DomainName}${PixelPath}", urls);
        Assert.Contains("https://${PixelHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}${PixelPath}", urls);
        Assert.Contains("https://${UrlHost}${PixelPath}", urls);
        Assert.Contains(img, v => v!.StartsWith("<img src=\"${Url}?", StringComparison.Ordinal));
        Assert.All(urls.Where(u => u!.StartsWith("https://", StringComparison.Ordinal)), u => Assert.Contains(u, img));
    }
}
