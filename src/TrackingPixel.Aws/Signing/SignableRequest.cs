namespace TrackingPixel.Aws;

/// <summary>The parts of an HTTP request that Signature Version 4 covers.</summary>
/// <param name="Method">The HTTP method, for example <c>POST</c>.</param>
/// <param name="Path">The absolute path, not percent-encoded; the signer encodes it.</param>
/// <param name="Query">The query string without <c>?</c>, already percent-encoded, or empty.</param>
/// <param name="Headers">
/// Every header to sign, <c>host</c> and <c>x-amz-date</c> included; names in any case, repeated names allowed.
/// </param>
/// <param name="Body">The exact body bytes sent.</param>
internal readonly record struct SignableRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);
