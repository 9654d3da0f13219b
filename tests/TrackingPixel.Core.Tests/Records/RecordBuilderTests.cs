using TrackingPixel.Tests.StandardFields;

namespace TrackingPixel.Tests.Records;

public class RecordBuilderTests
{
    [Fact]
    public void Set_SeveralFields_KeepsTheOrderTheyWereFirstSetIn()
    {
        var record = new RecordBuilder("unknown");

        record.Set("b", "1");
        record.Set("a", 2L);
        record.Set("c", true);

        Assert.Equal("""{"b":"1","a":2,"c":true}""" + "\n", DateFieldExtractorTests.Written(record));
    }

    [Fact]
    public void Set_ExistingField_ReplacesItsValueInPlace()
    {
        var record = new RecordBuilder("unknown");
        record.Set("a", "1");
        record.Set("b", "2");

        record.Set("a", 3.5);

        Assert.Equal(2, record.Count);
        Assert.Equal("""{"a":3.5,"b":"2"}""" + "\n", DateFieldExtractorTests.Written(record));
    }

    [Fact]
    public void Remove_SetField_RemovesItAndKeepsTheOthersInOrder()
    {
        var record = new RecordBuilder("unknown");
        record.Set("a", "1");
        record.Set("b", "2");
        record.Set("c", "3");

        Assert.True(record.Remove("b"));
        Assert.False(record.Remove("b"));
        Assert.False(record.Contains("b"));
        Assert.Equal("""{"a":"1","c":"3"}""" + "\n", DateFieldExtractorTests.Written(record));
    }

    [Fact]
    public void Remove_ThenSetAgain_AppendsTheFieldAtTheEnd()
    {
        var record = new RecordBuilder("unknown");
        record.Set("a", "1");
        record.Set("b", "2");
        record.Remove("a");

        record.Set("a", "3");

        Assert.Equal("""{"b":"2","a":"3"}""" + "\n", DateFieldExtractorTests.Written(record));
    }

    [Fact]
    public void Set_ManyFields_GrowsBeyondTheInitialCapacity()
    {
        var record = new RecordBuilder("unknown");

        for (var i = 0; i < 40; i++)
        {
            record.Set($"f{i}", i);
        }

        Assert.Equal(40, record.Count);
        Assert.True(record.Contains("f39"));
    }

    [Fact]
    public void Set_NullString_UsesTheMissingValue()
    {
        var record = new RecordBuilder("unknown");

        record.Set("a", (string?)null);
        record.SetNull("b");

        Assert.Equal("""{"a":"unknown","b":null}""" + "\n", DateFieldExtractorTests.Written(record));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Set_NonFiniteNumber_WritesNullAndReportsIt(double value)
    {
        var record = new RecordBuilder("unknown");

        record.Set("n", value);

        Assert.Equal("""{"n":null}""" + "\n", DateFieldExtractorTests.Written(record));
        Assert.Single(record.Problems);
    }

    [Fact]
    public void TryGetString_NonStringField_ReturnsFalse()
    {
        var record = new RecordBuilder("unknown");
        record.Set("n", 1L);

        Assert.False(record.TryGetString("n", out _));
        Assert.False(record.TryGetString("absent", out _));
    }

    [Fact]
    public void Set_ReservedOrEmptyName_Throws()
    {
        var record = new RecordBuilder("unknown");

        Assert.Throws<ArgumentException>(() => record.Set(FieldNames.Truncated, "x"));
        Assert.Throws<ArgumentException>(() => record.Set("", "x"));
        Assert.Throws<ArgumentNullException>(() => record.Set(null!, "x"));
    }

    [Fact]
    public void Discard_MarksTheRecordAndResetClearsEverything()
    {
        var record = new RecordBuilder("unknown");
        record.Set("a", "1");
        record.ReportInputProblem("a", "bad");

        record.Discard();
        Assert.True(record.IsDiscarded);

        record.Reset();
        Assert.False(record.IsDiscarded);
        Assert.Equal(0, record.Count);
        Assert.Empty(record.Problems);
    }
}
