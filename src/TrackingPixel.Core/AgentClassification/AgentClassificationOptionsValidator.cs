using Microsoft.Extensions.Options;

namespace TrackingPixel;

/// <summary>Checks <see cref="AgentClassificationOptions"/>, reading its files, and says what to fix.</summary>
internal sealed class AgentClassificationOptionsValidator : IValidateOptions<AgentClassificationOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentClassificationOptions options)
    {
        var failures = new List<string>();
        if (!AgentRuleParser.IsClassName(options.RelayClass))
        {
            failures.Add(
                $"AgentClassification.RelayClass '{options.RelayClass}' must be lower-case letters, digits and '-', " +
                "such as privacy-relay.");
        }

        foreach (var discarded in options.DiscardClasses.Where(c => !AgentRuleParser.IsClassName(c)))
        {
            failures.Add(
                $"AgentClassification.DiscardClasses has '{discarded}'; list classes such as crawler or scanner.");
        }

        try
        {
            AgentClassifierLoader.Load(options);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            failures.Add(
                $"AgentClassification: {exception.Message} Fix the rule, the file " +
                "or the RulesFile/RelayRangesFile path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
