using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Aws.Tests.Support;

namespace TrackingPixel.Aws.Tests.Credentials;

public sealed class DefaultCredentialsProviderTests : IDisposable
{
    private const string Secret = "s3cr3t/SECRET+value-that-must-not-leak";
    private const string Token = "T0KEN-that-must-not-leak";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly string _folder = Directory.CreateTempSubdirectory("tp-creds-").FullName;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task GetCredentials_EnvironmentVariables_ReturnsKeysAndSessionToken()
    {
        var env = new FakeEnvironment(
            new()
            {
                ["AWS_ACCESS_KEY_ID"] = "AKIAENV",
                ["AWS_SECRET_ACCESS_KEY"] = Secret,
                ["AWS_SESSION_TOKEN"] = Token,
            });

        var credentials = await Provider(env).GetCredentialsAsync(default);

        Assert.Equal(
            ("AKIAENV", Secret, Token),
            (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        Assert.Null(credentials.Expiration);
    }

    [Fact]
    public async Task GetCredentials_OnlySecretInEnvironment_NamesMissingVariableWithoutSecret()
    {
        var env = new FakeEnvironment(new() { ["AWS_SECRET_ACCESS_KEY"] = Secret });

        var error = await Assert.ThrowsAsync<CredentialsException>(
            () => Provider(env).GetCredentialsAsync(default).AsTask());

        Assert.Contains("AWS_ACCESS_KEY_ID is missing", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_ContainerEndpointWithTokenFile_SendsTokenFromFileAndParsesAnswer()
    {
        await using var server = new LoopbackServer((_, _) => Task.FromResult(ContainerAnswer(Now.AddHours(6))));
        var tokenFile = Path.Combine(_folder, "token");
        await File.WriteAllTextAsync(tokenFile, "from-file\n");
        var env = new FakeEnvironment(new()
        {
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.Url + "v2/credentials",
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "from-variable",
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = tokenFile,
        });

        var credentials = await Provider(env).GetCredentialsAsync(default);

        Assert.Equal(
            ("AKIACONTAINER", Secret, Token),
            (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        Assert.Equal(Now.AddHours(6), credentials.Expiration);
        var request = Assert.Single(server.Requests);
        Assert.Equal(
            ("GET", "/v2/credentials", "from-file"), (request.Method, request.Target, request.Header("Authorization")));
    }

    [Fact]
    public async Task GetCredentials_CachedUntilFiveMinutesBeforeExpiry_ThenFetchedAgain()
    {
        await using var server = new LoopbackServer((_, _) => Task.FromResult(ContainerAnswer(Now.AddHours(1))));
        var provider = Provider(
            new FakeEnvironment(
                new()
                {
                    ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.Url.ToString(),
                    ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "t",
                }));

        await provider.GetCredentialsAsync(default);
        _time.Advance(TimeSpan.FromMinutes(54));
        await provider.GetCredentialsAsync(default);
        Assert.Single(server.Requests);

        _time.Advance(TimeSpan.FromMinutes(2));
        await provider.GetCredentialsAsync(default);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetCredentials_RefreshFailsWhileCachedStillValid_ReturnsCached()
    {
        var calls = 0;
        await using var server = new LoopbackServer((_, _) => Task.FromResult(
            Interlocked.Increment(ref calls) == 1
                ? ContainerAnswer(Now.AddMinutes(10))
                : LoopbackResponse.Json(500, "{}")));
        var provider = Provider(
            new FakeEnvironment(new() { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.Url.ToString() }));
        var first = await provider.GetCredentialsAsync(default);

        _time.Advance(TimeSpan.FromMinutes(7));
        var second = await provider.GetCredentialsAsync(default);

        Assert.Same(first, second);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(500, "{\"message\":\"" + Secret + "\"}")]
    [InlineData(200, "{\"AccessKeyId\":\"AKIA\",\"SecretAccessKey\":\"" + Secret + "\"")]
    [InlineData(200, "{\"Token\":\"" + Token + "\"}")]
    public async Task GetCredentials_BadContainerAnswer_MessageHasNoSecretOrToken(int status, string body)
    {
        await using var server = new LoopbackServer((_, _) => Task.FromResult(LoopbackResponse.Json(status, body)));
        var provider = Provider(
            new FakeEnvironment(
                new()
                {
                    ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.Url.ToString(),
                    ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = Token,
                }));

        var error = await Assert.ThrowsAsync<CredentialsException>(
            () => provider.GetCredentialsAsync(default).AsTask());

        Assert.Contains("container credentials endpoint", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_FullUriPlainHttpToRemoteHost_RefusedWithFix()
    {
        var provider = Provider(
            new FakeEnvironment(new() { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://203.0.113.9/creds" }));

        var error = await Assert.ThrowsAsync<CredentialsException>(
            () => provider.GetCredentialsAsync(default).AsTask());

        Assert.Contains("use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_SharedFileWithAwsProfile_ReadsThatProfile()
    {
        var file = Path.Combine(_folder, "credentials");
        await File.WriteAllTextAsync(
            file,
            "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = other\n\n# " +
                $"comment\n[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = {Secret}\naws_session_token = " +
                $"{Token}\n");
        var env = new FakeEnvironment(new() { ["AWS_SHARED_CREDENTIALS_FILE"] = file, ["AWS_PROFILE"] = "dev" });

        var credentials = await Provider(env).GetCredentialsAsync(default);

        Assert.Equal(
            ("AKIADEV", Secret, Token),
            (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
    }

    [Fact]
    public async Task GetCredentials_SharedFileDefaultFromHome_UsesDefaultProfile()
    {
        Directory.CreateDirectory(Path.Combine(_folder, ".aws"));
        await File.WriteAllTextAsync(
            Path.Combine(_folder, ".aws", "credentials"),
            "[default]\naws_access_key_id=AKIADEFAULT\naws_secret_access_key=x\n");

        var credentials = await Provider(new FakeEnvironment(new() { ["HOME"] = _folder })).GetCredentialsAsync(
            default);

        Assert.Equal("AKIADEFAULT", credentials.AccessKeyId);
    }

    [Fact]
    public async Task GetCredentials_ProfileMissing_SaysWhichProfileAndFile()
    {
        var file = Path.Combine(_folder, "credentials");
        await File.WriteAllTextAsync(file, $"[default]\naws_access_key_id=A\naws_secret_access_key={Secret}\n");
        var env = new FakeEnvironment(new() { ["AWS_SHARED_CREDENTIALS_FILE"] = file, ["AWS_PROFILE"] = "prod" });

        var error = await Assert.ThrowsAsync<CredentialsException>(
            () => Provider(env).GetCredentialsAsync(default).AsTask());

        Assert.Equal($"Profile 'prod' (AWS_PROFILE) is not in {file}.", error.Message);
    }

    [Fact]
    public async Task GetCredentials_NoSourceAtAll_ListsEveryWayToProvideThem()
    {
        var error = await Assert.ThrowsAsync<CredentialsException>(
            () => Provider(new FakeEnvironment()).GetCredentialsAsync(default).AsTask());

        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_PROFILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_TemporaryCredentials_HidesSecretAndToken()
    {
        var text = new AwsCredentials("AKIAEXAMPLE1234", Secret, Token, Now).ToString();

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("1234", text, StringComparison.Ordinal);
    }

    private DefaultCredentialsProvider Provider(FakeEnvironment env) => new(env, _http, _time);

    private static LoopbackResponse ContainerAnswer(DateTimeOffset expiration) => LoopbackResponse.Json(
        200,
        $"{{\"AccessKeyId\":\"AKIACONTAINER\",\"SecretAccessKey\":\"{Secret}\",\"Token\":\"{Token}\"," +
            $"\"Expiration\":\"{expiration:yyyy-MM-ddTHH:mm:ssZ}\",\"RoleArn\":\"arn:aws:iam::1:role/x\"}}");
}
