using YamlDotNet.RepresentationModel;

namespace TrackingPixel.Samples.Tests.Deployment;

/// <summary>A SAM template as a YAML tree; CloudFormation's short-form tags (!Ref, !Sub…) stay node tags.</summary>
public sealed class SamTemplate
{
    private SamTemplate(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    /// <summary>Loads one of the repository's templates, copied next to the test assembly.</summary>
    public static SamTemplate Load(string fileName = "template.yaml")
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Deployment", fileName));
        stream.Load(reader);
        return new SamTemplate((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Resource(string logicalId) => Map(Map(Root, "Resources"), logicalId);

    public YamlMappingNode Parameter(string name) => Map(Map(Root, "Parameters"), name);

    public static YamlMappingNode Map(YamlNode node, string key) =>
        (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    public static YamlSequenceNode Seq(YamlNode node, string key) =>
        (YamlSequenceNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    public static string Scalar(YamlNode node, string key) =>
        ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    public static bool Has(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>Every node below <paramref name="node"/>, depth first.</summary>
    public static IEnumerable<YamlNode> Descendants(YamlNode node) => node.AllNodes;
}
