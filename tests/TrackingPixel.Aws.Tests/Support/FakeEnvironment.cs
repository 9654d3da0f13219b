
namespace TrackingPixel.Aws.Tests.Support;

/// <summary>An environment made of a dictionary, so tests never touch the process environment.</summary>
internal sealed class FakeEnvironment(Dictionary<string, string>? variables = null) : IAwsEnvironment
{
    public Dictionary<string, string> Variables { get; } = variables ?? [];

    public string? this[string name]
    {
        set
        {
            if (value is null)
            {
                Variables.Remove(name);
            }
            else
            {
                Variables[name] = value;
            }
        }
    }

    public string? Get(string name) => Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
