using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Records;

/// <summary>
/// The custom extractor docs/core.md shows, kept here so the documented code compiles and does what it says.
/// </summary>
public class CustomExtractorExampleTests
{
    [Theory]
    [InlineData("en-GB,en;q=0.9", "en-GB")]
    [InlineData("fr", "fr")]
    public void LanguageExtractor_AcceptLanguage_WritesTheFirstLanguage(string header, string expected)
    {
        var line = Some.RecordOf(
            Some.Request(headers: new() { ["Accept-Language"] = header }),
            b => b.AddExtractor<LanguageExtractor>());

        Assert.Equal($$"""{"language":"{{expected}}"}""" + "\n", line);
    }

    [Fact]
    public void LanguageExtractor_NoHeader_WritesTheMissingValue()
    {
        var line = Some.RecordOf(Some.Request(), b => b.AddStandardFields().AddExtractor<LanguageExtractor>());

        Assert.EndsWith(""","language":"unknown"}""" + "\n", line, StringComparison.Ordinal);
    }

    public sealed class LanguageExtractor : IFieldExtractor
    {
        public void Extract(PixelRequest request, RecordBuilder record)
        {
            // "en-GB,en;q=0.9" -> "en-GB"; null (header absent) writes the configured missing value.
            var language =
                request.Headers.TryGetValue("Accept-Language", out var value) ? value.Split(',')[0].Trim() : null;
            record.Set("language", language);
        }
    }
}
