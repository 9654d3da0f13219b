namespace TrackingPixel.Classification;

/// <summary>The names of the fields machine-open classification writes.</summary>
public static class AgentFieldNames
{
    /// <summary>The class of agent that fetched the pixel, one of <see cref="AgentClasses"/> or a class a rule file defines.</summary>
    public const string AgentClass = "agentClass";

    /// <summary>The rule that matched, such as <c>ua:GoogleImageProxy</c> or <c>ip:172.224.226.0/27</c>; JSON <c>null</c> for <c>human</c>.</summary>
    public const string AgentRule = "agentRule";
}
