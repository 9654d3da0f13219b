using System.Net.Sockets;

namespace TrackingPixel.Aws.Tests.Client;

public sealed class AwsErrorsTests
{
    [Theory]
    [InlineData("ServiceUnavailableException", 503, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("InternalFailure", 500, true)]
    [InlineData("", 502, true)]
    [InlineData("", 429, true)]
    [InlineData("ResourceNotFoundException", 400, false)]
    [InlineData("InvalidArgumentException", 400, false)]
    [InlineData("AccessDeniedException", 400, false)]
    [InlineData("InvalidSignatureException", 403, false)]
    [InlineData("ExpiredTokenException", 403, false)]
    public void IsRetryable_ErrorCode_FollowsStandardRetryRules(string code, int status, bool retryable) =>
        Assert.Equal(retryable, AwsErrors.IsRetryable(code, status));

    [Theory]
    [InlineData(503, "ServiceUnavailableException", "Retry", true)]
    [InlineData(400, "ThrottlingException", "Retry", true)]
    [InlineData(500, "InternalFailure", "Retry", false)]
    [InlineData(400, "InvalidArgumentException", "GiveUp", false)]
    [InlineData(400, "ResourceNotFoundException", "FailFast", false)]
    [InlineData(400, "AccessDeniedException", "FailFast", false)]
    [InlineData(403, "InvalidSignatureException", "FailFast", false)]
    public void Classify_ServiceError_DecidesByCodeAndStatus(int status, string code, string expected, bool throttled)
    {
        var decision = Enum.Parse<AwsDecision>(expected);
        var outcome = AwsErrors.Classify(
            new AwsServiceException("m", code, status, "rid"), false, e => "fix " + e.ErrorCode);

        Assert.Equal((decision, throttled), (outcome.Decision, outcome.Throttled));
        Assert.Equal(decision == AwsDecision.Retry ? "m" : "fix " + code, outcome.Reason);
    }

    [Fact]
    public void Classify_TransportFailures_AreRetried()
    {
        Exception[] transient =
        [
            new HttpRequestException("refused", new SocketException()),
            new TimeoutException("no answer"),
            new IOException("reset"),
            new CredentialsException("endpoint down") { IsTransient = true },
            new OperationCanceledException(),
        ];

        Assert.All(transient[..4], e => Assert.Equal(AwsDecision.Retry, Classify(e).Decision));
        Assert.Contains("connection failed", Classify(transient[0]).Reason, StringComparison.Ordinal);
        Assert.Equal(AwsDecision.GiveUp, Classify(transient[4]).Decision);
        Assert.False(Classify(transient[4]).OutOfTime);
    }

    [Fact]
    public void Classify_CancelledAttempt_GivesUpAsOutOfTime()
    {
        var outcome = AwsErrors.Classify(new TaskCanceledException(), cancelled: true, _ => "x");

        Assert.True(outcome.OutOfTime);
        Assert.Null(outcome.Reason);
    }

    [Fact]
    public void Classify_MissingCredentials_FailsFastWithTheirMessage()
    {
        var outcome = Classify(new CredentialsException("No AWS credentials found."));

        Assert.Equal((AwsDecision.FailFast, "No AWS credentials found."), (outcome.Decision, outcome.Reason));
    }

    [Fact]
    public void Classify_Bug_GivesUpOnTheseRecordsNamingTheException()
    {
        var outcome = Classify(new InvalidCastException("oops"));

        Assert.Equal(AwsDecision.GiveUp, outcome.Decision);
        Assert.Equal("unexpected InvalidCastException: oops", outcome.Reason);
    }

    [Theory]
    [InlineData("ProvisionedThroughputExceededException", "Retry", true)]
    [InlineData("ServiceUnavailableException", "Retry", true)]
    [InlineData("InternalFailure", "Retry", false)]
    [InlineData("KMSThrottlingException", "Retry", true)]
    [InlineData("KMSAccessDeniedException", "GiveUp", false)]
    public void ClassifyEntry_Code_RetriesUnlessNoRetryCanHelp(string code, string expected, bool throttled)
    {
        var decision = Enum.Parse<AwsDecision>(expected);
        var outcome = AwsErrors.ClassifyEntry(code);

        Assert.Equal((decision, throttled), (outcome.Decision, outcome.Throttled));
    }

    private static AwsOutcome Classify(Exception exception) => AwsErrors.Classify(exception, false, _ => "advice");
}
