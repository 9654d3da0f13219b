using System.Text;
using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Aws.Tests.Support;

namespace TrackingPixel.Aws.Tests.Credentials;

/// <summary>
/// STS AssumeRoleWithWebIdentity (EKS IRSA) against a loopback STS speaking the query API and its XML.
/// </summary>
public sealed class WebIdentityCredentialsTests : IDisposable
{
    private const string Secret = "sts/SECRET+value-that-must-not-leak";
    private const string SessionToken = "STS-session-TOKEN/that+must=not&leak";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly string _folder = Directory.CreateTempSubdirectory("tp-irsa-").FullName;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task GetCredentials_WebIdentity_PostsTheTokenAndReadsTheXmlAnswer()
    {
        await using var sts = new LoopbackServer((_, _) => Task.FromResult(Answer(200, Success(Now.AddHours(1)))));
        var env = await EnvironmentAsync(sts, "jwt-one");

        var credentials = await new DefaultCredentialsProvider(env, _http, _time).GetCredentialsAsync(default);

        Assert.Equal(
            ("ASIASTS", Secret, SessionToken),
            (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        Assert.Equal(Now.AddHours(1), credentials.Expiration);
        var form = Form(sts.Requests[0]);
        Assert.Equal("AssumeRoleWithWebIdentity", form["Action"]);
        Assert.Equal("2011-06-15", form["Version"]);
        Assert.Equal("arn:aws:iam::123456789012:role/pixel", form["RoleArn"]);
        Assert.Equal("pixel-pod", form["RoleSessionName"]);
        Assert.Equal("jwt-one", form["WebIdentityToken"]);
        Assert.Null(sts.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task GetCredentials_NearExpiry_ReadsTheRotatedTokenFileAgain()
    {
        await using var sts = new LoopbackServer((_, _) => Task.FromResult(Answer(200, Success(Now.AddHours(1)))));
        var env = await EnvironmentAsync(sts, "jwt-one");
        var provider = new DefaultCredentialsProvider(env, _http, _time);
        await provider.GetCredentialsAsync(default);
        await File.WriteAllTextAsync(env.Get("AWS_WEB_IDENTITY_TOKEN_FILE")!, "jwt-two");

        await provider.GetCredentialsAsync(default);
        Assert.Single(sts.Requests);
        _time.Advance(TimeSpan.FromMinutes(56));
        await provider.GetCredentialsAsync(default);

        Assert.Equal("jwt-two", Form(sts.Requests[1])["WebIdentityToken"]);
    }

    [Fact]
    public async Task GetCredentials_StsRefuses_QuotesOnlyTheCodeNeverTheToken()
    {
        const string error = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code>" +
            "<Message>bad token jwt-secret-echo</Message></Error><RequestId>r</RequestId></ErrorResponse>";
        await using var sts = new LoopbackServer((_, _) => Task.FromResult(Answer(400, error)));
        var env = await EnvironmentAsync(sts, "jwt-secret-echo");

        var failure = await Assert.ThrowsAsync<CredentialsException>(
            () => new DefaultCredentialsProvider(env, _http, _time).GetCredentialsAsync(default).AsTask());

        Assert.Contains("HTTP 400 InvalidIdentityToken", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jwt-secret-echo", failure.ToString(), StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
    }

    private async Task<FakeEnvironment> EnvironmentAsync(LoopbackServer sts, string jwt)
    {
        var tokenFile = Path.Combine(_folder, "token");
        await File.WriteAllTextAsync(tokenFile, jwt + "\n");
        return new FakeEnvironment(new()
        {
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile,
            ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/pixel",
            ["AWS_ROLE_SESSION_NAME"] = "pixel-pod",
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL_STS"] = sts.Url.ToString(),
        });
    }

    private static Dictionary<string, string> Form(LoopbackRequest request) =>
        Encoding.UTF8.GetString(request.Body).Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    private static string Success(DateTimeOffset expiration) =>
        "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">" +
        "<AssumeRoleWithWebIdentityResult>" +
        "<SubjectFromWebIdentityToken>system:serviceaccount:a:b</SubjectFromWebIdentityToken>" +
        "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/pixel/pixel-pod</Arn>" +
        "<AssumedRoleId>AROA:pixel-pod</AssumedRoleId></AssumedRoleUser>" +
        $"<Credentials><AccessKeyId>ASIASTS</AccessKeyId><SecretAccessKey>{Secret}</SecretAccessKey>" +
        $"<SessionToken>{SessionToken.Replace("&", "&amp;", StringComparison.Ordinal)}</SessionToken>" +
        $"<Expiration>{expiration:yyyy-MM-ddTHH:mm:ssZ}</Expiration></Credentials>" +
        "<Audience>sts.amazonaws.com</Audience></AssumeRoleWithWebIdentityResult>" +
        "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>";

    private static LoopbackResponse Answer(int status, string xml) =>
        new(status, Encoding.UTF8.GetBytes(xml), [("Content-Type", "text/xml")]);
}
