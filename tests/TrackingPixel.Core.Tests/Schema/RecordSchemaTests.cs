using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Schema;

public class RecordSchemaTests
{
    [Fact]
    public void DescribeRecord_StandardFields_ListsTheOriginalFiveThenTheEventTypeFieldsThenTruncated()
    {
        using var services = Some.Services();
        var schema = services.GetRequiredService<PixelPipeline>().DescribeRecord();

        Assert.Equal(
            ["date", "ip", "userAgent", "userId", "thirdPartyId", "eventType", "clickTarget", "_truncated"],
            schema.Fields.Select(f => f.Name));
        Assert.Equal(FieldType.Timestamp, schema.Fields[0].Type);
        Assert.Equal(FieldType.TextList, schema.Fields[^1].Type);
    }

    [Fact]
    public void DescribeRecord_SameFieldTwice_ListsItOnce()
    {
        using var services = Some.Services(
            b => b.AddStandardFields().AddQueryField("userId", "uid").AddHeaderField("referer", "Referer"));
        var schema = services.GetRequiredService<PixelPipeline>().DescribeRecord();

        Assert.Single(schema.Fields, f => f.Name == "userId");
        Assert.Equal("referer", schema.Fields[^2].Name);
    }

    [Fact]
    public void DescribeRecord_ExtractorThatDoesNotDescribeItself_ContributesNothing()
    {
        using var services = Some.Services(b => b.AddStandardFields().AddExtractor(new ThrowingExtractor()));
        var schema = services.GetRequiredService<PixelPipeline>().DescribeRecord();

        Assert.Equal(8, schema.Fields.Count);
    }

    [Fact]
    public void ToJsonSchema_EveryFieldOfARealRecord_IsDescribedWithItsJsonKind()
    {
        using var services = Some.Services(
            b => b.AddStandardFields().AddEventIdField().AddConsentSignals(TrackingPixel.ConsentPolicy.RecordFlag));
        var pipeline = services.GetRequiredService<PixelPipeline>();
        using var schema = JsonDocument.Parse(pipeline.DescribeRecord().ToJsonSchema());
        using var record = pipeline.Collect(Some.OriginalExampleRequest())!;
        using var json = JsonDocument.Parse(record.Data);
        var properties = schema.RootElement.GetProperty("properties");

        Assert.Equal(
            "https://json-schema.org/draft/2020-12/schema",
            schema.RootElement.GetProperty("$schema").GetString());
        foreach (var field in json.RootElement.EnumerateObject())
        {
            var type = properties.GetProperty(field.Name).GetProperty("type");
            var allowed = type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()).ToArray()
                : [type.GetString()];
            Assert.Contains(KindOf(field.Value), allowed);
        }
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
