namespace TrackingPixel;

/// <summary>
/// The outcome of classifying a request: its <c>agentClass</c> and the <c>agentRule</c> that decided it.
/// </summary>
/// <param name="Class">The agent class, one of <see cref="AgentClasses"/> or a class a rule file defines.</param>
/// <param name="Rule">
/// The rule that matched, such as <c>ua:GoogleImageProxy</c> or <c>ip:172.224.226.0/27</c>; <see langword="null"/>
/// when no rule matched (<see cref="AgentClasses.Human"/>).
/// </param>
public readonly record struct AgentVerdict(string Class, string? Rule);
