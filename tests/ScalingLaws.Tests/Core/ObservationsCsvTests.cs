using System.Globalization;
using System.Text;

namespace ScalingLaws.Tests.Core;

public class ObservationsCsvTests
{
    private static readonly CsvReadOptions XyOptions = new()
    {
        TargetColumn = "y",
        InputColumns = new Dictionary<string, string> { ["x"] = "x" },
    };

    private static Observations ReadText(string text, CsvReadOptions? options = null, string source = "test.csv")
        => ObservationsCsv.Read(new StringReader(text), options ?? XyOptions, source);

    [Fact]
    public void Read_ChosenColumns_ReadsByHeaderAndIgnoresOthers()
    {
        var options = new CsvReadOptions
        {
            TargetColumn = "loss",
            InputColumns = new Dictionary<string, string> { ["N"] = "Model Size", ["C"] = "Training FLOP" },
            WeightColumn = "w",
            GroupColumn = "run",
        };

        var data = ReadText("note,Training FLOP,loss,Model Size,w,run\nfoo,6e18,3.5,1e8,2,a\nbar,6e19,3.0,1e9,0.5,b\n", options);

        data.Count.Should().Be(2);
        data.ColumnNames.Should().Equal("N", "C");
        data.Column("N").Should().Equal(1e8, 1e9);
        data.Column("C").Should().Equal(6e18, 6e19);
        data.Target.Should().Equal(3.5, 3.0);
        data.TargetName.Should().Be("loss");
        data.Weights.Should().Equal(2.0, 0.5);
        data.Groups.Should().Equal("a", "b");
        data.Provenance.Should().Contain("test.csv").And.Contain("2 rows");
    }

    [Fact]
    public void Read_QuotedFieldsAndHeaders_Unquotes()
    {
        var options = new CsvReadOptions
        {
            TargetColumn = "loss, final",
            InputColumns = new Dictionary<string, string> { ["x"] = "size \"N\"" },
            GroupColumn = "label",
        };
        const string text = "\"size \"\"N\"\"\",\"loss, final\",\"label\"\n\"100\",\"2.5\",\"a, b\"\n200,\"1.5\",\"two\nlines\"\n";

        var data = ReadText(text, options);

        data.Column("x").Should().Equal(100.0, 200.0);
        data.Target.Should().Equal(2.5, 1.5);
        data.Groups.Should().Equal("a, b", "two\nlines");
    }

    [Fact]
    public void Read_ByteOrderMarkAndCrLf_ReadsFirstHeader()
    {
        var data = ReadText("\uFEFFx,y\r\n1,2\r\n3,4\r\n");

        data.Column("x").Should().Equal(1.0, 3.0);
        data.Target.Should().Equal(2.0, 4.0);
    }

    [Fact]
    public void Read_FileWithUtf8ByteOrderMark_ReadsFirstHeader()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scalinglaws-core-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "x,y\n1,2\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            File.ReadAllBytes(path)[0].Should().Be(0xEF, "the file must really start with a byte-order mark");

            var data = ObservationsCsv.Read(path, XyOptions);

            data.Column("x").Should().Equal(1.0);
            data.Provenance.Should().Contain(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_CommaDecimalCultureWithSemicolon_ParsesDecimalCommas()
    {
        var options = XyOptions with { Culture = CultureInfo.GetCultureInfo("de-DE"), Delimiter = ";" };

        var data = ReadText("x;y\n1,5;2,25\n-3,0e2;4\n", options);

        data.Column("x").Should().Equal(1.5, -300.0);
        data.Target.Should().Equal(2.25, 4.0);
    }

    [Fact]
    public void Read_PointInCommaDecimalCulture_ThrowsInsteadOfReadingThousands()
    {
        // CsvHelper's own Parse<double> allows thousands separators and would read "1.5" as 15 under de-DE.
        var options = XyOptions with { Culture = CultureInfo.GetCultureInfo("de-DE"), Delimiter = ";" };

        var act = () => ReadText("x;y\n1.5;2\n", options);

        act.Should().Throw<ArgumentException>().WithMessage("*line 2*column 'x'*'1.5'*");
    }

    [Theory]
    [InlineData("1e300", 1e300)]
    [InlineData("-1.7976931348623157E+308", -1.7976931348623157E+308)]
    [InlineData("2.2250738585072014E-308", 2.2250738585072014E-308)]
    [InlineData("4.9E-324", 4.9E-324)]
    [InlineData("0.1", 0.1)]
    [InlineData("-0.0", -0.0)]
    [InlineData("  42  ", 42.0)]
    public void Read_ExtremeNumbers_ReadsExactly(string text, double expected)
    {
        var data = ReadText($"x,y\n{text},1\n");

        data.Column("x")[0].Should().Be(expected);
    }

    [Fact]
    public void Read_RoundTrippedDoubles_AreBitIdentical()
    {
        var random = new Random(20240611);
        var values = Enumerable.Range(0, 500).Select(_ => Math.Exp((random.NextDouble() * 1400.0) - 700.0) * (random.Next(2) == 0 ? 1.0 : -1.0)).ToArray();
        var text = "x,y\n" + string.Concat(values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v:R},1\n")));

        var data = ReadText(text);

        data.Column("x").Should().Equal(values);
    }

    [Fact]
    public void Read_BlankLines_AreSkippedAndLinesStillCounted()
    {
        var act = () => ReadText("x,y\n\n1,2\n   \n3,oops\n");

        act.Should().Throw<ArgumentException>().WithMessage("*test.csv*line 5*column 'y'*'oops'*");
        ReadText("x,y\n\n1,2\n   \n3,4\n\n").Count.Should().Be(2);
    }

    [Fact]
    public void Read_MissingColumn_NamesFileAndListsHeaders()
    {
        var options = XyOptions with { TargetColumn = "loss" };

        var act = () => ReadText("x,Loss,other\n1,2,3\n", options, "runs.csv");

        act.Should().Throw<ArgumentException>().WithParameterName("options")
            .WithMessage("*runs.csv*no column 'loss'*'x', 'Loss', 'other'*Did you mean 'Loss'*");
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound()
    {
        var act = () => ObservationsCsv.Read(Path.Combine(Path.GetTempPath(), "no-such-scalinglaws-file.csv"), XyOptions);

        act.Should().Throw<FileNotFoundException>().WithMessage("*no-such-scalinglaws-file.csv*");
    }

    [Fact]
    public void Read_NonNumericCell_NamesLineColumnAndText()
    {
        var act = () => ReadText("x,y\n1,2\n3,abc\n");

        act.Should().Throw<ArgumentException>().WithMessage("'test.csv', line 3, column 'y': 'abc' is not a number*");
    }

    [Theory]
    [InlineData("x,y\n1,2\n3,\n", "*line 3, column 'y': the cell is empty*")]
    [InlineData("x,y\n1,2\n,4\n", "*line 3, column 'x': the cell is empty*")]
    [InlineData("x,y\n1,2\n\"\",4\n", "*line 3, column 'x': the cell is empty*")]
    [InlineData("x,y\n1,2\n  ,4\n", "*line 3, column 'x': the cell is empty*")]
    public void Read_EmptyCell_NamesLineAndColumn(string text, string message)
    {
        var act = () => ReadText(text);

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Read_MultiLineQuotedField_LaterLinesCountedPhysically()
    {
        var options = XyOptions with { GroupColumn = "note" };

        var act = () => ReadText("x,y,note\n1,2,\"a\nb\nc\"\n3,z,d\n", options);

        act.Should().Throw<ArgumentException>().WithMessage("*line 5, column 'y'*'z'*");
    }

    [Fact]
    public void Read_NumberOutOfRange_Throws()
    {
        var act = () => ReadText("x,y\n1e400,2\n");

        act.Should().Throw<ArgumentException>().WithMessage("*line 2, column 'x'*'1e400'*range*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\uFEFF")]
    public void Read_EmptyInput_Throws(string text)
    {
        var act = () => ReadText(text);

        act.Should().Throw<ArgumentException>().WithParameterName("reader").WithMessage("*test.csv*empty*header*");
    }

    [Theory]
    [InlineData("x,y")]
    [InlineData("x,y\n")]
    [InlineData("x,y\n\n\n")]
    public void Read_HeaderOnly_Throws(string text)
    {
        var act = () => ReadText(text);

        act.Should().Throw<ArgumentException>().WithMessage("*test.csv*header but no data rows*");
    }

    [Fact]
    public void Read_DuplicateRequestedHeader_Throws()
    {
        var act = () => ReadText("x,y,x\n1,2,3\n");

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*test.csv*'x'*more than once*columns 1 and 3*");
    }

    [Fact]
    public void Read_DuplicateUnrequestedHeader_IsIgnored()
    {
        var data = ReadText("x,z,y,z\n1,a,2,b\n");

        data.Target.Should().Equal(2.0);
    }

    [Theory]
    [InlineData("x,y\n1,2\n3\n", "*line 3*1 fields*header has 2*")]
    [InlineData("x,y\n1,2\n3,4,5\n", "*line 3*3 fields*header has 2*")]
    public void Read_RaggedRow_NamesLineAndCounts(string text, string message)
    {
        var act = () => ReadText(text);

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Read_CommaDecimalWithCommaDelimiter_HintsAtDelimiter()
    {
        var options = XyOptions with { Culture = CultureInfo.GetCultureInfo("fr-FR") };

        var act = () => ReadText("x,y\n1,5,2\n", options);

        act.Should().Throw<ArgumentException>().WithMessage("*line 2*decimal separator*fr-FR*';'*");
    }

    [Theory]
    [InlineData("x,y\n1,\"2\n3,4\n", "*line 2*malformed*")]
    [InlineData("x,y\n1,2\n3,4\"x\n", "*line 3*malformed*")]
    public void Read_MalformedQuotes_NamesLine(string text, string message)
    {
        var act = () => ReadText(text);

        act.Should().Throw<ArgumentException>().WithMessage(message).WithInnerException<CsvHelper.CsvFormatException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData(",,")]
    [InlineData("\"")]
    [InlineData("é")]
    [InlineData("\n")]
    public void Read_InvalidDelimiter_Throws(string delimiter)
    {
        var act = () => ReadText("x,y\n1,2\n", XyOptions with { Delimiter = delimiter });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*Delimiter*");
    }

    [Fact]
    public void Read_TabDelimiter_Works()
    {
        ReadText("x\ty\n1\t2\n", XyOptions with { Delimiter = "\t" }).Target.Should().Equal(2.0);
    }

    [Fact]
    public void Read_EmptyTargetColumnName_Throws()
    {
        var act = () => ReadText("x,y\n1,2\n", XyOptions with { TargetColumn = " " });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*TargetColumn*");
    }

    [Fact]
    public void Read_NonPositiveWeight_NamesRow()
    {
        var act = () => ReadText("x,y,w\n1,2,1\n3,4,0\n", XyOptions with { WeightColumn = "w" });

        act.Should().Throw<ArgumentException>().WithMessage("*line 3, column 'w'*weight 0 is not positive*");
    }

    [Fact]
    public void Read_ReaderIsLeftOpen()
    {
        using var reader = new StringReader("x,y\n1,2\n");

        ObservationsCsv.Read(reader, XyOptions);

        reader.Peek().Should().Be(-1, "the reader was read to the end and is still usable (not disposed)");
    }

    [Fact]
    public void Read_EpochFile_Has245RowsInPublishedRanges()
    {
        var data = ObservationsCsv.Read(TestData.SharedFile("chinchilla-epoch/svg_extracted_data.csv"), new CsvReadOptions
        {
            TargetColumn = "loss",
            InputColumns = new Dictionary<string, string> { ["N"] = "Model Size", ["C"] = "Training FLOP" },
        });

        // SOURCE.md: 245 rows; N 5.73e7 – 1.62e10; loss 2.077 – 5.006.
        data.Count.Should().Be(245);
        data.Column("N").Min().Should().BeApproximately(5.73e7, 0.01e7);
        data.Column("N").Max().Should().BeApproximately(1.62e10, 0.01e10);
        data.Target.Min().Should().BeApproximately(2.077, 0.001);
        data.Target.Max().Should().BeApproximately(5.006, 0.001);
        data.Target[0].Should().Be(5.005581996196243, "the first loss of the file, read exactly");
    }
}
