using System.Net;

namespace TrackingPixel;

/// <summary>Says which kind of agent made a request, from its user agent, headers and client address.</summary>
/// <remarks>
/// The same classifier <c>AddAgentClassification</c> runs per request, so a team can classify logged traffic
/// offline with exactly the production rules: resolve it from the service provider, or build one with
/// <see cref="AgentClassifiers.Create"/>. Implementations are immutable and thread-safe, and
/// classifying allocates nothing unless an address rule matches.
/// </remarks>
public interface IAgentClassifier
{
    /// <summary>Classifies one request by the first rule it matches.</summary>
    /// <param name="userAgent">
    /// The <c>User-Agent</c> header; <see langword="null"/> or blank when the request had none.
    /// </param>
    /// <param name="headers">
    /// The request headers header rules look at, such as <c>Sec-Purpose</c>; <see langword="null"/> for none.
    /// </param>
    /// <param name="clientAddress">
    /// The client address address rules look at; <see langword="null"/> when unknown.
    /// </param>
    /// <returns>
    /// The class and the rule that decided it; <see cref="AgentClasses.Human"/> when no rule matched.
    /// </returns>
    AgentVerdict Classify(string? userAgent, RequestHeaders? headers = null, IPAddress? clientAddress = null);
}
