namespace ScalingLaws.Tests.Reliability;

/// <summary>Laws are shared between fits and threads, so nothing a caller receives from a law may alias the law's own state.</summary>
public class SharedStateTests
{
    /// <summary>Gets the registered law names.</summary>
    public static TheoryData<string> LawNames => new(LawRegistry.Names);

    [Theory]
    [InlineData("power-law")]
    [InlineData("power-law-plus-constant")]
    [InlineData("chinchilla")]
    [InlineData("lr-annealing")]
    public void GetNonlinearSearchGrid_CallerOverwritesResult_LaterSearchesUnchanged(string name)
        => AssertGridIsACopy(LawRegistry.Create(name));

    [Fact]
    public void MultiPowerLawGrid_CallerOverwritesResult_LaterSearchesUnchanged()
        => AssertGridIsACopy(new MultiPowerLaw([ReliabilityFixtures.Schedule]));

    [Fact]
    public void LiteratureLawGrids_CallerOverwritesResult_LaterSearchesUnchanged()
    {
        var core = new HashSet<string>(["power-law", "power-law-plus-constant", "chinchilla", "lr-annealing"]);
        foreach (var name in LawRegistry.Names.Where(n => !core.Contains(n)))
        {
            AssertGridIsACopy(LawRegistry.Create(name));
        }
    }

    [Theory]
    [MemberData(nameof(LawNames))]
    public void GetDefaultStarts_CallerOverwritesResult_LaterStartsUnchanged(string name)
    {
        var law = LawRegistry.Create(name);
        var inputs = new LawInputs(law.Inputs.Select((input, j) => Enumerable.Range(0, 12).Select(i => input.Domain == InputDomain.Finite
            ? i - 5.0 : Math.Pow(10.0, 2.0 + j + (0.5 * i))).ToArray()).ToArray());
        var target = Enumerable.Range(0, 12).Select(i => 3.0 - (0.1 * i)).ToArray();
        IReadOnlyList<double[]> first;
        try
        {
            first = law.GetDefaultStarts(inputs, target);
        }
        catch (ArgumentException)
        {
            return; // the generic design does not suit this law's inputs
        }

        var copy = first.Select(s => (double[])s.Clone()).ToArray();
        foreach (var start in first)
        {
            Array.Fill(start, double.NaN);
        }

        var second = law.GetDefaultStarts(inputs, target);

        second.Should().HaveCount(copy.Length);
        for (var s = 0; s < copy.Length; s++)
        {
            second[s].Should().Equal(copy[s], $"{name}: start {s} must not be the array the caller overwrote");
        }
    }

    private static void AssertGridIsACopy(ScalingLaw law)
    {
        var original = law.GetNonlinearSearchGrid().Select(a => (double[])a.Clone()).ToArray();
        foreach (var axis in law.GetNonlinearSearchGrid())
        {
            Array.Fill(axis, -1.0);
        }

        var again = law.Name == "multi-power" ? law.GetNonlinearSearchGrid() : LawRegistry.Create(law.Name).GetNonlinearSearchGrid();

        again.Should().HaveCount(original.Length, law.Name);
        for (var a = 0; a < original.Length; a++)
        {
            again[a].Should().Equal(original[a], $"{law.Name}: axis {a} must not be the law's own array");
        }
    }
}
