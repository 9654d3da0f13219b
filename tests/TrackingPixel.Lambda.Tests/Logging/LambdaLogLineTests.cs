using System.Text.Json;
using Microsoft.Extensions.Logging;
using TrackingPixel.Lambda.Logging;

namespace TrackingPixel.Lambda.Tests.Logging;

public class LambdaLogLineTests
{
    private static readonly DateTimeOffset At = new(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero);

    [Fact]
    public void Json_WritesOneObjectPerLineWithLambdasFields()
    {
        var line = LambdaLogLine.Json(At, LogLevel.Warning, "req-1", "Cat", "hello \"world\"", exception: null);

        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.TrimEnd('\n'));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("2024-05-01T12:34:56.789Z", root.GetProperty("timestamp").GetString());
        Assert.Equal("WARN", root.GetProperty("level").GetString());
        Assert.Equal("req-1", root.GetProperty("requestId").GetString());
        Assert.Equal("hello \"world\"", root.GetProperty("message").GetString());
    }

    [Fact]
    public void Json_Exception_AddsErrorTypeMessageAndStackTrace()
    {
        Exception caught;
        try
        {
            throw new InvalidOperationException("boom \ud800");
        }
        catch (InvalidOperationException exception)
        {
            caught = exception;
        }

        using var json = JsonDocument.Parse(LambdaLogLine.Json(At, LogLevel.Error, null, "Cat", "failed", caught));
        var root = json.RootElement;

        Assert.False(root.TryGetProperty("requestId", out _));
        Assert.Equal("System.InvalidOperationException", root.GetProperty("errorType").GetString());
        Assert.Equal("boom \uFFFD", root.GetProperty("errorMessage").GetString());
        Assert.NotEmpty(root.GetProperty("stackTrace").EnumerateArray());
    }

    [Fact]
    public void Text_UsesTabSeparatedTimestampRequestIdLevelMessage()
    {
        Assert.Equal(
            "2024-05-01T12:34:56.789Z\treq-1\tINFO\thello\n",
            LambdaLogLine.Text(At, LogLevel.Information, "req-1", "hello", null));
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData(null, LogLevel.Information)]
    [InlineData("loud", LogLevel.Information)]
    public void ParseLevel_AwsLevelNames_MapToLogLevels(string? name, LogLevel expected)
    {
        Assert.Equal(expected, LambdaLogLine.ParseLevel(name));
    }
}
