using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Firehose.Athena;

namespace TrackingPixel.Firehose.Tests.Athena;

public class RecordSchemaAthenaExtensionsTests
{
    [Fact]
    public void ToAthenaTable_StandardFields_MatchesTheCommittedDdl()
    {
        var ddl = StandardSchema().ToAthenaTable(new AthenaTableOptions { Location = "s3://example-bucket/records" });

        Assert.Equal(File.ReadAllText(SnapshotPath("standard-fields.athena.sql")).ReplaceLineEndings("\n"), ddl);
    }

    [Fact]
    public void ToAthenaTable_ProjectsTheSameHourlyPrefixesTheTemplateWrites()
    {
        var ddl = StandardSchema().ToAthenaTable(new AthenaTableOptions());

        Assert.Contains(
            "'storage.location.template' = " +
                "'s3://YOUR-BUCKET/records/year=${year}/month=${month}/day=${day}/hour=${hour}/'",
            ddl,
            StringComparison.Ordinal);
        Assert.Contains(
            "PARTITIONED BY (`year` int, `month` int, `day` int, `hour` int)", ddl, StringComparison.Ordinal);
    }

    [Fact]
    public void ToAthenaTable_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(
            () => RecordSchemaAthenaExtensions.ToAthenaTable(null!, new AthenaTableOptions()));
        Assert.Throws<ArgumentNullException>(() => StandardSchema().ToAthenaTable(null!));
    }

    private static RecordSchema StandardSchema()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().AddStandardFields();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<PixelPipeline>().DescribeRecord();
    }

    private static string SnapshotPath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "__snapshots__", name);
}
