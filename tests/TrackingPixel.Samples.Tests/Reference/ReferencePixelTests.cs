using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Firehose.Athena;
using TrackingPixel.Publishing;
using TrackingPixel.Sample.Lambda;

namespace TrackingPixel.Samples.Tests.Reference;

public class ReferencePixelTests
{
    private const string StartMarker = "<!-- athena-ddl:start -->";
    private const string EndMarker = "<!-- athena-ddl:end -->";

    [Fact]
    public void ReadmeAthenaTable_IsExactlyWhatTheReferenceFunctionGenerates()
    {
        var services = new ServiceCollection();
        services.AddReferenceFields(_ => null);
        using var provider = services.BuildServiceProvider();
        var ddl = provider.GetRequiredService<PixelPipeline>().DescribeRecord().ToAthenaTable(new AthenaTableOptions());

        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "README.md"))
            .ReplaceLineEndings("\n");
        var start = readme.IndexOf(StartMarker, StringComparison.Ordinal) + StartMarker.Length;
        var end = readme.IndexOf(EndMarker, StringComparison.Ordinal);
        Assert.True(start > StartMarker.Length && end > start, "README.md lacks the athena-ddl markers");
        Assert.Equal($"\n```sql\n{ddl}```\n", readme[start..end]);
    }

    [Fact]
    public void AddReferencePixel_WithAStreamName_PublishesToFirehose()
    {
        var services = new ServiceCollection();
        services.AddReferencePixel(name => name switch
        {
            ReferencePixel.StreamNameVariable => "pixels",
            "AWS_REGION" => "eu-west-1",
            _ => null,
        });

        var publisher = services.Single(d => d.ServiceType == typeof(IRecordPublisher));
        Assert.Contains(
            "Firehose",
            publisher.ImplementationType?.Name ?? publisher.ImplementationFactory?.Method.DeclaringType?.FullName ?? "",
            StringComparison.Ordinal);
    }

    [Fact]
    public void AddReferencePixel_WithAKinesisStream_PublishesToKinesis()
    {
        var services = new ServiceCollection();
        services.AddReferencePixel(name => name == ReferencePixel.KinesisStreamVariable
            ? "arn:aws:kinesis:eu-west-1:123456789012:stream/pixels"
            : null);

        var publisher = services.Single(d => d.ServiceType == typeof(IRecordPublisher));
        var factory = publisher.ImplementationFactory?.Method.DeclaringType?.FullName ?? "";
        Assert.Contains("Kinesis", factory, StringComparison.Ordinal);
    }

    [Fact]
    public void AddReferencePixel_WithBothAFirehoseAndAKinesisStream_FailsInitRatherThanChoosing()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddReferencePixel(name => name switch
        {
            ReferencePixel.StreamNameVariable => "pixels",
            ReferencePixel.KinesisStreamVariable => "pixels",
            _ => null,
        }));

        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddReferencePixel_WithNeitherStreamNorFolder_FailsInitSayingWhatToSet()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddReferencePixel(_ => null));

        Assert.Contains(ReferencePixel.StreamNameVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(ReferencePixel.KinesisStreamVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddReferenceFields_PrivacyFirst_AddsEventIdClassificationConsentAndKeyedIdInsteadOfUserId()
    {
        var environment = new Dictionary<string, string?>
        {
            [ReferencePixel.PrivacyVariable] = "first",
            [ReferencePixel.KeyedIdSecretVariable] = "a-test-secret-that-is-at-least-32-bytes-long",
        };
        var services = new ServiceCollection();
        services.AddReferenceFields(name => environment.GetValueOrDefault(name));
        using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<PixelPipeline>();
        using var record = pipeline.Collect(new TrackingPixel.PixelRequest
        {
            RawQuery = "userid=aws_user",
            PeerAddress = "203.0.113.7",
            Timestamp = DateTimeOffset.UnixEpoch,
        })!;
        var line = record.ToString();

        Assert.Contains("\"ip\":\"203.0.113.0\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("aws_user", line, StringComparison.Ordinal);
        Assert.Contains("\"userKey\":", line, StringComparison.Ordinal);
        Assert.Contains("\"eventId\":", line, StringComparison.Ordinal);
        Assert.Contains("\"agentClass\":", line, StringComparison.Ordinal);
        Assert.Contains("\"gpc\":false", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AddReferenceFields_MalformedTrustedProxyCount_FailsInit()
    {
        var services = new ServiceCollection();
        services.AddReferenceFields(name => name == ReferencePixel.TrustedProxyCountVariable ? "two" : null);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<FormatException>(() => provider.GetRequiredService<IOptions<TrackingPixelOptions>>().Value);
    }

    [Fact]
    public async Task AddReferencePixel_WithAPath_ServesOnlyThatRouteAndRecordsItsParameters()
    {
        var folder = Directory.CreateTempSubdirectory("trackingpixel-route-").FullName;
        try
        {
            var environment = new Dictionary<string, string?>
            {
                [ReferencePixel.PathVariable] = "/o/{campaign}/{recipient}.gif",
                [ReferencePixel.RecordsDirectoryVariable] = folder,
            };
            var function = new ReferenceFunction(name => environment.GetValueOrDefault(name));

            var onRoute = await function.AnswerAsync("/o/spring/r42.gif");
            var offRoute = await function.AnswerAsync("/favicon.ico");

            Assert.Contains("\"statusCode\":200", onRoute, StringComparison.Ordinal);
            Assert.Contains("\"statusCode\":404", offRoute, StringComparison.Ordinal);
            var line = Assert.Single(Directory.EnumerateFiles(folder, "*.ndjson", SearchOption.AllDirectories)
                .SelectMany(File.ReadAllLines));
            Assert.EndsWith("\"campaign\":\"spring\",\"recipient\":\"r42\"}", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AddReferenceFields_WithAPath_DescribesTheRouteParametersAsColumns()
    {
        var services = new ServiceCollection();
        services.AddReferenceFields(
            name => name == ReferencePixel.PathVariable ? "/o/{campaign}/{recipient}.gif" : null);
        using var provider = services.BuildServiceProvider();

        var ddl = provider.GetRequiredService<PixelPipeline>().DescribeRecord().ToAthenaTable(new AthenaTableOptions());

        Assert.Contains("`campaign` string", ddl, StringComparison.Ordinal);
        Assert.Contains("`recipient` string", ddl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "203.0.113.7")]
    [InlineData("CloudFront-Viewer-Address", "198.51.100.9")]
    public void AddReferenceFields_ForwardedForHeader_ChoosesWhichHeaderTheTrustedProxyCountReads(
        string? header, string expectedIp)
    {
        var environment = new Dictionary<string, string?>
        {
            [ReferencePixel.TrustedProxyCountVariable] = "1",
            [ReferencePixel.ForwardedForHeaderVariable] = header,
        };
        var services = new ServiceCollection();
        services.AddReferenceFields(name => environment.GetValueOrDefault(name));
        using var provider = services.BuildServiceProvider();

        using var record = provider.GetRequiredService<PixelPipeline>().Collect(new TrackingPixel.PixelRequest
        {
            PeerAddress = "130.176.0.12",
            Headers = TrackingPixel.RequestHeaders.FromDictionary(new Dictionary<string, string>
            {
                ["X-Forwarded-For"] = "203.0.113.7",
                ["CloudFront-Viewer-Address"] = "198.51.100.9:46532",
            }),
            Timestamp = DateTimeOffset.UnixEpoch,
        })!;

        Assert.Contains($"\"ip\":\"{expectedIp}\"", record.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The reference function as the managed runtime would host it, answering Function URL events.</summary>
    private sealed class ReferenceFunction(Func<string, string?> environment)
        : TrackingPixel.Lambda.LambdaPixelFunction(services => services.AddReferencePixel(environment))
    {
        public async Task<string> AnswerAsync(string path)
        {
            var json = """
                {"version":"2.0","routeKey":"$default","rawPath":"PATH","rawQueryString":"userid=u",
                 "headers":{"user-agent":"ua"},
                 "requestContext":{"domainName":"abc.lambda-url.us-east-1.on.aws","requestId":"r1",
                  "http":{"method":"GET","path":"PATH","sourceIp":"203.0.113.7"}}}
                """.Replace("PATH", path, StringComparison.Ordinal);
            using var response = await HandleAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
            return new StreamReader(response).ReadToEnd();
        }
    }
}
