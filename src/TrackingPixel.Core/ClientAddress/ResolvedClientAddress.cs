using System.Net;

namespace TrackingPixel;

/// <summary>The client address chosen for a request, or why none could be.</summary>
/// <param name="Address">The parsed address; <see langword="null"/> when none was valid.</param>
/// <param name="Text">The canonical text form of <paramref name="Address"/>.</param>
/// <param name="Problem">Why the request's address data was not used as sent, never containing the data itself.</param>
internal sealed record ResolvedClientAddress(IPAddress? Address, string? Text, string? Problem);
