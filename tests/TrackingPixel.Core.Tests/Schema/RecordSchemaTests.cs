using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Pipeline;
using TrackingPixel.Schema;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Schema;

public class RecordSchemaTests
{
    [Fact]
    public void DescribeRecord_StandardFields_ListsTheOriginalFiveInRecordOrderThenTruncated()
    {
        using var services = Some.Services();
        var schema = services.GetRequiredService<PixelPipeline>().DescribeRecord();

        Assert.Equal(["date", "ip", "userAgent", "userId", "thirdPartyId", "_truncated"], schema.Fields.Select(f => f.Name));
        Assert.Equal(FieldType.Timestamp, schema.Fields[0].Type);
        Assert.Equal(FieldType.TextList, schema.Fields[^1].Type);
    }

    [Fact]
    public void DescribeRecord_SameFieldTwice_ListsItOnce()
    {
        using var services = Some.Services(b => b.AddStandardFields().AddQueryField("userId", "uid").AddHeaderField("referer", "Referer"));
        var schema = services.GetRequiredService<PixelPipeline>().DescribeRecord();

        Assert.Single(schema.Fields, f => f.Name == "userId");
        Assert.Equal("referer", schema.Fields[^2].Name);
    }

    [Fact]
    public void DescribeRecord_ExtractorThatDoesNotDescribeItself_ContributesNothing()
    {
        using var services = Some.Services(b => b.AddStandardFields().AddExtractor(new ThrowingExtractor()));
        var schema = services.GetRequiredService<PixelPipeline>().DescribeRecord();

        Assert.Equal(6, schema.Fields.Count);
    }

    [Fact]
    public void ToJsonSchema_EveryFieldOfARealRecord_IsDescribedWithItsJsonKind()
    {
        using var services = Some.Services(b => b.AddStandardFields().AddEventIdField().AddConsentSignals(TrackingPixel.Privacy.Consent.ConsentPolicy.RecordFlag));
        var pipeline = services.GetRequiredService<PixelPipeline>();
        using var schema = JsonDocument.Parse(pipeline.DescribeRecord().ToJsonSchema());
        using var record = pipeline.Collect(Some.OriginalExampleRequest())!;
        using var json = JsonDocument.Parse(record.Data);
        var properties = schema.RootElement.GetProperty("properties");

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        foreach (var field in json.RootElement.EnumerateObject())
        {
            var type = properties.GetProperty(field.Name).GetProperty("type");
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToArray() : [type.GetString()];
            Assert.Contains(KindOf(field.Value), allowed);
        }
    }

    [Fact]
    public void ToAthenaTable_StandardFields_MatchesTheCommittedDdl()
    {
        using var services = Some.Services();
        var ddl = services.GetRequiredService<PixelPipeline>().DescribeRecord()
            .ToAthenaTable(new AthenaTableOptions { Location = "s3://example-bucket/records" });

        Snapshot.MatchText(ddl, "standard-fields.athena.sql");
    }

    [Fact]
    public void ToAthenaTable_ProjectsTheSameHourlyPrefixesTheTemplateWrites()
    {
        var ddl = new RecordSchema([new FieldDescriptor("a", FieldType.Text, "x")]).ToAthenaTable(new AthenaTableOptions());

        Assert.Contains("'storage.location.template' = 's3://YOUR-BUCKET/records/year=${year}/month=${month}/day=${day}/hour=${hour}/'", ddl, StringComparison.Ordinal);
        Assert.Contains("PARTITIONED BY (`year` int, `month` int, `day` int, `hour` int)", ddl, StringComparison.Ordinal);
    }

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        JsonValueKind.Array => "array",
        JsonValueKind.Null => "null",
        _ => "object",
    };
}
