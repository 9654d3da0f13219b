using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Aws.Tests.Support;

namespace TrackingPixel.Aws.Tests.Credentials;

/// <summary>EC2 instance metadata (IMDSv2) against a loopback server speaking its documented format.</summary>
public sealed class InstanceMetadataCredentialsTests : IDisposable
{
    // The real one-second limit is for a local metadata service; a loopback fake on a loaded test machine gets longer.
    private const string SlowMachineTimeout = "30";

    private const string Secret = "imds/SECRET+value-that-must-not-leak";
    private const string Token = "IMDS-session-TOKEN-that-must-not-leak";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task GetCredentials_Imdsv2_PutsForTokenThenSendsItForRoleAndCredentials()
    {
        await using var server = new LoopbackServer((r, _) => Task.FromResult(Imds(r, tokenSupported: true)));
        var env = new FakeEnvironment(new()
        {
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = server.Url.ToString(),
            ["AWS_METADATA_SERVICE_TIMEOUT"] = SlowMachineTimeout,
        });

        var credentials = await new DefaultCredentialsProvider(env, _http, _time).GetCredentialsAsync(default);

        Assert.Equal(
            ("AKIAIMDS", Secret, Token),
            (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        Assert.Equal(Now.AddHours(6), credentials.Expiration);
        var requests = server.Requests;
        Assert.Equal(
            [
                "PUT /latest/api/token",
                "GET /latest/meta-data/iam/security-credentials/",
                "GET /latest/meta-data/iam/security-credentials/pixel-role",
            ],
            requests.Select(r => $"{r.Method} {r.Target}"));
        Assert.Equal("21600", requests[0].Header("X-aws-ec2-metadata-token-ttl-seconds"));
        Assert.All(requests.Skip(1), r => Assert.Equal("imds-token", r.Header("X-aws-ec2-metadata-token")));
    }

    [Fact]
    public async Task GetCredentials_CachedUntilShortlyBeforeExpiry_ThenFetchedAgain()
    {
        await using var server = new LoopbackServer((r, _) => Task.FromResult(Imds(r, tokenSupported: true)));
        var env = new FakeEnvironment(new()
        {
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = server.Url.ToString(),
            ["AWS_METADATA_SERVICE_TIMEOUT"] = SlowMachineTimeout,
        });
        var provider = new DefaultCredentialsProvider(env, _http, _time);

        await provider.GetCredentialsAsync(default);
        await provider.GetCredentialsAsync(default);
        Assert.Equal(3, server.Requests.Count);
        _time.Advance(TimeSpan.FromHours(6) - DefaultCredentialsProvider.RefreshBefore);
        await provider.GetCredentialsAsync(default);

        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task GetCredentials_TokensRefused_FallsBackToImdsv1UnlessDisabled()
    {
        await using var server = new LoopbackServer((r, _) => Task.FromResult(Imds(r, tokenSupported: false)));
        var env = new FakeEnvironment(new()
        {
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = server.Url.ToString(),
            ["AWS_METADATA_SERVICE_TIMEOUT"] = SlowMachineTimeout,
        });

        var credentials = await new DefaultCredentialsProvider(env, _http, _time).GetCredentialsAsync(default);
        Assert.Equal("AKIAIMDS", credentials.AccessKeyId);
        Assert.Null(server.Requests[1].Header("X-aws-ec2-metadata-token"));

        env["AWS_EC2_METADATA_V1_DISABLED"] = "true";
        var error = await Assert.ThrowsAsync<CredentialsException>(
            () => new DefaultCredentialsProvider(env, _http, _time).GetCredentialsAsync(default).AsTask());
        Assert.Contains("refused a session token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_MetadataDisabled_NeverAsksAndSaysWhereItLooked()
    {
        await using var server = new LoopbackServer((r, _) => Task.FromResult(Imds(r, tokenSupported: true)));
        var env = new FakeEnvironment(new()
        {
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = server.Url.ToString(),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["HOME"] = Path.Combine(Path.GetTempPath(), "no-such-home-" + Guid.NewGuid()),
        });

        var error = await Assert.ThrowsAsync<CredentialsException>(
            () => new DefaultCredentialsProvider(env, _http, _time).GetCredentialsAsync(default).AsTask());

        Assert.Empty(server.Requests);
        Assert.StartsWith("No AWS credentials found.", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task GetCredentials_ErrorAnswer_NeverQuotesTheBody()
    {
        await using var server = new LoopbackServer((r, _) => Task.FromResult(r.Method == "PUT"
            ? LoopbackResponse.Json(200, "imds-token")
            : LoopbackResponse.Json(404, $"{{\"echo\":\"{Secret}\"}}")));
        var env = new FakeEnvironment(new()
        {
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = server.Url.ToString(),
            ["AWS_METADATA_SERVICE_TIMEOUT"] = SlowMachineTimeout,
        });

        var error = await Assert.ThrowsAsync<CredentialsException>(
            () => new DefaultCredentialsProvider(env, _http, _time).GetCredentialsAsync(default).AsTask());

        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    private static LoopbackResponse Imds(LoopbackRequest request, bool tokenSupported) =>
        (request.Method, request.Target) switch
        {
            ("PUT", "/latest/api/token") => tokenSupported ? Text("imds-token") : Text("", 403),
            _ when tokenSupported && request.Header("X-aws-ec2-metadata-token") != "imds-token" => Text("", 401),
            ("GET", "/latest/meta-data/iam/security-credentials/") => Text("pixel-role"),
            ("GET", "/latest/meta-data/iam/security-credentials/pixel-role") => LoopbackResponse.Json(200,
                """{"Code":"Success","LastUpdated":"2026-01-01T11:00:00Z","Type":"AWS-HMAC","AccessKeyId":"AKIAIMD""" +
                    $$"""S","SecretAccessKey":"{{Secret}}","Token":"{{Token}}","Expiratio""" +
                    $$"""n":"{{Now.AddHours(6):yyyy-MM-ddTHH:mm:ssZ}}"}"""),
            _ => Text("", 404),
        };

    private static LoopbackResponse Text(string body, int status = 200) =>
        new(status, System.Text.Encoding.UTF8.GetBytes(body), [("Content-Type", "text/plain")]);
}
