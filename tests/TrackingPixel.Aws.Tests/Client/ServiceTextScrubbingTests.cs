using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Aws.Tests.Support;

namespace TrackingPixel.Aws.Tests.Client;

/// <summary>A hostile or misconfigured endpoint quotes the caller's credentials back; none may reach an exception.
/// </summary>
public sealed class ServiceTextScrubbingTests : IDisposable
{
    // A real session token is several hundred characters; 736 is the length the issue measured.
    private static readonly string Token = string.Concat(Enumerable.Range(0, 46).Select(i => $"IQoJb3JpZ2luX2{i:x2}"));
    private static readonly string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public void Token_HasRealLength() => Assert.Equal(736, Token.Length);

    [Fact]
    public async Task Send_SecretStraddlingTheCut_IsNotQuotedInPart()
    {
        var error = await FailAsync(_ => Error(new string('x', 290) + Secret));

        AssertNoPieceOf(Secret, error.ToString());
    }

    [Fact]
    public async Task Send_LongTokenQuotedAfterShortPrefix_IsNotQuotedInPart()
    {
        var error = await FailAsync(r => Error("The security token included in the request is invalid: " +
            r.Header("X-Amz-Security-Token")));

        AssertNoPieceOf(Token, error.ToString());
    }

    [Fact]
    public async Task Send_TokenInRequestIdHeader_IsNotQuoted()
    {
        var error = await FailAsync(r => Error("denied", ("x-amzn-RequestId", r.Header("X-Amz-Security-Token")!)));

        AssertNoPieceOf(Token, error.ToString());
        AssertNoPieceOf(Token, error.RequestId ?? "");
    }

    [Fact]
    public async Task Send_AuthorizationAndSecretInErrorTypeAndHtmlBody_AreNotQuoted()
    {
        string? authorization = null;
        var error = await FailAsync(r =>
        {
            authorization = r.Header("Authorization");
            var html = $"<html><body>{authorization} {Secret}</body></html>";
            return new LoopbackResponse(502, Encoding.UTF8.GetBytes(html), [("X-Amzn-ErrorType", Secret + ":x")]);
        });

        Assert.NotNull(authorization);
        AssertNoPieceOf(Secret, error.ToString());
        AssertNoPieceOf(
            authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + 10)..], error.ToString());
    }

    [Fact]
    public async Task Send_MessageQuotingAuthorization_IsMasked()
    {
        var error = await FailAsync(r => Error("you sent " + r.Header("Authorization")));

        Assert.Contains("you sent ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BatchEntryCodeEchoingSecrets_IsNotQuoted()
    {
        await using var server = new LoopbackServer((r, _) => Task.FromResult(LoopbackResponse.Json(200,
            $$"""{"FailedPutCount":2,"RequestResponses":[{"ErrorCode":"{{Secret}}"},""" +
                $$"""{"ErrorCode":"{{r.Header("X-Amz-Security-Token")}}"}]}""")));
        using var body = new PooledBuffer();

        var answer = await Client(server).SendAsync("Firehose_20150804.PutRecordBatch", body, default);
        var codes = AwsJsonResponse.ReadEntryErrors(answer, 2, "FailedPutCount"u8, "RequestResponses"u8, "RecordId"u8);

        Assert.NotNull(codes);
        AssertNoPieceOf(Secret, string.Join(' ', codes));
        AssertNoPieceOf(Token, string.Join(' ', codes));
    }

    // No run of 8 characters of the secret may survive: a cut-off head or tail is a leak too.
    private static void AssertNoPieceOf(string secret, string text)
    {
        for (var i = 0; i + 8 <= secret.Length; i++)
        {
            Assert.DoesNotContain(secret.Substring(i, 8), text, StringComparison.Ordinal);
        }
    }

    private static LoopbackResponse Error(string message, params (string Name, string Value)[] headers) =>
        LoopbackResponse.Json(400, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["__type"] = "AccessDeniedException",
            ["message"] = message,
        }, ErrorJson.Default.DictionaryStringString), headers);

    private async Task<AwsServiceException> FailAsync(Func<LoopbackRequest, LoopbackResponse> answer)
    {
        await using var server = new LoopbackServer((r, _) => Task.FromResult(answer(r)));
        using var body = new PooledBuffer();
        return await Assert.ThrowsAsync<AwsServiceException>(
            () => Client(server).SendAsync("Firehose_20150804.PutRecord", body, default));
    }

    private AwsJsonClient Client(LoopbackServer server) => new(
        _http,
        AwsService.Firehose,
        new AwsEndpoint(server.Url, "us-east-1"),
        new StaticCredentials(new AwsCredentials("AKIDEXAMPLE", Secret, Token, null)),
        new FakeTimeProvider(DateTimeOffset.UtcNow),
        TimeSpan.FromSeconds(10),
        "test");
}
