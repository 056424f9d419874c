namespace ScalingLaws.Tests.Laws.Literature;

public sealed class LawRegistryTests
{
    public static TheoryData<string> RegisteredNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in LawRegistry.Names)
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Fact]
    public void Names_IncludeCoreAndLiteratureLaws()
    {
        LawRegistry.Names.Should().Contain(["power-law", "power-law-plus-constant", "chinchilla", "lr-annealing",
            "kaplan-nd", "kaplan-ns", "bnsl-1", "bnsl-2", "bnsl-3", "m1", "m2", "m3", "m4", "data-constrained",
            "data-constrained-un", "over-training", "downstream-error", "nmt-encoder-decoder", "vocabulary", "parallel-scaling",
            "repeated-sampling", "step-law-learning-rate", "step-law-batch-size", "fp-quantization", "average-parameter-count"]);
        LawRegistry.Names.Should().OnlyHaveUniqueItems(n => n.ToUpperInvariant());
    }

    [Theory]
    [MemberData(nameof(RegisteredNames))]
    public void Create_RegisteredName_ReturnsNewLawWithThatName(string name)
    {
        var first = LawRegistry.Create(name);
        var second = LawRegistry.Create(name);
        first.Name.Should().Be(name);
        first.Should().NotBeSameAs(second);
        first.HasAnalyticJacobian.Should().BeTrue();
        first.ParameterNames.Should().OnlyHaveUniqueItems();
        first.Parameters.Should().OnlyContain(p => p.Description.Length > 0);
        first.Inputs.Should().OnlyContain(i => i.Description.Length > 0);
    }

    [Fact]
    public void Create_DifferentCase_FindsLaw()
    {
        LawRegistry.Create("Chinchilla").Should().BeOfType<ChinchillaLaw>();
        LawRegistry.Contains("BNSL-2").Should().BeTrue();
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownNames()
    {
        var act = () => LawRegistry.Create("no-such-law");
        act.Should().Throw<ArgumentException>().WithParameterName("name").WithMessage("*no-such-law*chinchilla*");
    }

    [Fact]
    public void TryCreate_UnknownOrNullName_ReturnsFalse()
    {
        LawRegistry.TryCreate("no-such-law", out var law).Should().BeFalse();
        law.Should().BeNull();
        LawRegistry.TryCreate(null!, out _).Should().BeFalse();
        LawRegistry.Contains(null!).Should().BeFalse();
    }
}
