using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrackingPixel;

/// <summary>Signs click links and verifies them: HMAC-SHA256 over every parameter, with key ids for rotation.</summary>
/// <remarks>
/// A link is the click endpoint's URL with the target (<c>url</c>), the key id (<c>kid</c>), an optional expiry in Unix
/// seconds (<c>exp</c>), any parameters of your own (a recipient id, a campaign), and last the base64url signature
/// (<c>sig</c>) over all the others, sorted by name and percent-encoded: changing, adding or removing any parameter
/// breaks it. The click endpoints redirect only on <see cref="ClickLinkStatus.Valid"/>, so the endpoint is never an
/// open redirect. Thread-safe.
/// </remarks>
public sealed class ClickLinkSigner
{
    /// <summary>The parameter holding the link's target URL.</summary>
    public const string TargetParameter = "url";

    /// <summary>The parameter naming the key that signed the link.</summary>
    public const string KeyIdParameter = "kid";

    /// <summary>The parameter holding the link's expiry, in Unix seconds.</summary>
    public const string ExpiresParameter = "exp";

    /// <summary>The parameter holding the signature; always the last.</summary>
    public const string SignatureParameter = "sig";

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _signingKeyId;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="ClickLinkSigner"/> class.</summary>
    /// <param name="options">The keys and the fallback URL.</param>
    /// <param name="time">The clock expiries are checked against; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message says what to fix, never a
    /// key.</exception>
    public ClickLinkSigner(ClickLinkOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ClickLinkOptionsValidator.Problems(options) is [var first, ..])
        {
            throw new ArgumentException(first, nameof(options));
        }

        _keys = options.Keys.ToDictionary(k => k.Key, k => Encoding.UTF8.GetBytes(k.Value), StringComparer.Ordinal);
        _signingKeyId = options.SigningKeyId ?? options.Keys.Keys.Single();
        FallbackUrl = options.FallbackUrl is { } fallback ? new Uri(fallback, UriKind.Absolute) : null;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Gets where an invalid link is redirected; <see langword="null"/> answers 400 instead.</summary>
    public Uri? FallbackUrl { get; }

    /// <summary>Signs a link to <paramref name="target"/> through the click endpoint at <paramref
    /// name="clickEndpoint"/>.</summary>
    /// <param name="clickEndpoint">The click endpoint, such as <c>https://px.example.com/click</c>; its query is
    /// replaced.</param>
    /// <param name="target">Where the link sends the reader: an absolute http or https URL.</param>
    /// <param name="expires">When the link stops redirecting; <see langword="null"/> for never.</param>
    /// <param name="parameters">Parameters of your own to record with the click, such as <c>userid</c>; signed
    /// too.</param>
    /// <returns>The signed link.</returns>
    /// <exception cref="ArgumentException">The target is not an absolute http(s) URL, or a parameter uses a reserved
    /// name.</exception>
    public Uri Sign(
        Uri clickEndpoint,
        Uri target,
        DateTimeOffset? expires = null,
        IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(clickEndpoint);
        ArgumentNullException.ThrowIfNull(target);
        if (!IsRedirectable(target))
        {
            throw new ArgumentException(
                $"The target must be an absolute http or https URL; got '{target}'.", nameof(target));
        }

        var pairs = new List<KeyValuePair<string, string>>
        {
            new(TargetParameter, target.AbsoluteUri),
            new(KeyIdParameter, _signingKeyId),
        };
        if (expires is { } at)
        {
            pairs.Add(new(ExpiresParameter, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var pair in parameters ?? [])
        {
            if (pair.Key is TargetParameter or KeyIdParameter or ExpiresParameter or SignatureParameter
                || pair.Key.Length == 0)
            {
                throw new ArgumentException(
                    $"'{pair.Key}' is reserved for the link itself; name the parameter otherwise.", nameof(parameters));
            }

            pairs.Add(pair);
        }

        var canonical = Canonical(pairs);
        var signature = Base64Url(HMACSHA256.HashData(_keys[_signingKeyId], Encoding.UTF8.GetBytes(canonical)));
        return new UriBuilder(clickEndpoint) { Query = $"{canonical}&{SignatureParameter}={signature}" }.Uri;
    }

    /// <summary>Verifies a click link's parameters.</summary>
    /// <param name="query">The link's query parameters, as the click endpoint received them.</param>
    /// <param name="target">The target to redirect to, only when the result is <see
    /// cref="ClickLinkStatus.Valid"/>.</param>
    /// <returns>Whether the link may redirect, and if not, why.</returns>
    public ClickLinkStatus Verify(QueryParameters query, out Uri? target)
    {
        ArgumentNullException.ThrowIfNull(query);
        target = null;
        var pairs = new List<KeyValuePair<string, string>>();
        string? signature = null, keyId = null, expires = null, url = null;
        var signatures = 0;
        foreach (var pair in query)
        {
            if (pair.Key == SignatureParameter)
            {
                signature = pair.Value;
                signatures++;
                continue;
            }

            pairs.Add(pair);
            Note(pair, KeyIdParameter, ref keyId);
            Note(pair, ExpiresParameter, ref expires);
            Note(pair, TargetParameter, ref url);
        }

        if (signatures != 1 || keyId is null or "" || url is null or "")
        {
            return ClickLinkStatus.Incomplete;
        }

        if (!_keys.TryGetValue(keyId, out var key))
        {
            return ClickLinkStatus.UnknownKey;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Canonical(pairs)), expected);
        if (!FromBase64Url(signature!, out var actual) || !CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return ClickLinkStatus.BadSignature;
        }

        if (expires is not null
            && (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || _time.GetUtcNow().ToUnixTimeSeconds() >= seconds))
        {
            return ClickLinkStatus.Expired;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || !IsRedirectable(parsed))
        {
            return ClickLinkStatus.InvalidTarget;
        }

        target = parsed;
        return ClickLinkStatus.Valid;
    }

    // A repeated reserved parameter makes the link ambiguous: "" marks it so it counts as missing.
    private static void Note(KeyValuePair<string, string> pair, string name, ref string? value)
    {
        if (pair.Key == name)
        {
            value = value is null ? pair.Value : string.Empty;
        }
    }

    private static bool IsRedirectable(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    /// <summary>Every parameter but the signature, sorted by name (values of one name in link order), RFC
    /// 3986-encoded.</summary>
    private static string Canonical(List<KeyValuePair<string, string>> pairs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(text.Length == 0 ? "" : "&")
                .Append(Uri.EscapeDataString(name))
                .Append('=')
                .Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool FromBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 43)
        {
            return false;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/') + "=";
        var buffer = new byte[32];
        if (!Convert.TryFromBase64String(base64, buffer, out var written) || written != 32)
        {
            return false;
        }

        bytes = buffer;
        return true;
    }
}
