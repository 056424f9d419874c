using System.Globalization;
using ScalingLaws.Tests.Core;

namespace ScalingLaws.Tests.Reliability;

/// <summary>
/// Issue 8, part 1: a table-driven matrix of bad input over every public entry point of the library (laws, fitter,
/// observations, CSV, bootstrap and the other uncertainty methods, extrapolation, schedules). Each call must throw an
/// <see cref="ArgumentException"/> (or subtype) whose <see cref="ArgumentException.ParamName"/> is the parameter that
/// carried the bad value and whose message names the offending row, column, option or value. The basics the core tests
/// pin down (tests/ScalingLaws.Tests/Core/BadInputTests.cs) are extended here across every law and entry point.
/// </summary>
public partial class BadInputMatrixTests
{
    private static readonly double[] BadValues = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -1.0, -0.0];

    private static readonly Lazy<Dictionary<string, BadInputCase>> ByName = new(() => AllCases().ToDictionary(c => c.ToString(), StringComparer.Ordinal));

    /// <summary>Gets the name of every case of the matrix (names, not the cases, so that each row is its own test).</summary>
    public static TheoryData<string> Cases => new(ByName.Value.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void EntryPoint_BadInput_ThrowsArgumentExceptionNamingCulprit(string name)
    {
        var badInput = ByName.Value[name];

        var thrown = ExceptionPolicy.RunAllowingDocumented(badInput.Act, name);

        thrown.Should().NotBeNull($"{name} must be rejected, not accepted silently");
        thrown.Should().BeAssignableTo<ArgumentException>($"{name} is bad input: {thrown?.GetType().Name}: {thrown?.Message}");
        var argument = (ArgumentException)thrown!;
        argument.ParamName.Should().Be(badInput.ParamName, $"{name}: the exception must name the parameter ({argument.Message})");
        argument.Message.Should().Contain(badInput.Culprit, $"{name}: the message must name the offending thing");
    }

    [Fact]
    public void Cases_CoverEveryAreaWithUniqueNames()
    {
        var all = AllCases().ToArray();
        var entryPoints = all.Select(c => c.EntryPoint).ToHashSet();

        all.Select(c => c.ToString()).Should().OnlyHaveUniqueItems();
        entryPoints.Should().Contain(["new LawParameter", "ScalingLawFitter.Fit", "new Observations", "ObservationsCsv.Read", "Bootstrap.Run",
            "FitResult.Extrapolate", "LearningRateSchedule.Cosine", "LossCurveFitter.FitAnnealingLaw", "ProfileLikelihood.Interval"]);
        all.Length.Should().BeGreaterThan(150);
    }

    private static IEnumerable<BadInputCase> AllCases() => LawCases().Concat(DataValueCases()).Concat(FitterCases()).Concat(ObservationsCases())
        .Concat(CsvCases()).Concat(UncertaintyCases()).Concat(ExtrapolationCases()).Concat(ScheduleCases());

    private static BadInputCase Case(string entryPoint, string input, Action act, string paramName, string culprit)
        => new(entryPoint, input, act, paramName, culprit);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every non-positive or non-finite value in every input column and the target of every core law.</summary>
    private static IEnumerable<BadInputCase> DataValueCases()
    {
        (ScalingLaw Law, Observations Data)[] laws =
        [
            (new PowerLaw(), SyntheticData.PowerLaw(0.01)),
            (new SaturatingPowerLaw(), SyntheticData.Saturating(0.01)),
            (new ChinchillaLaw(), SyntheticData.Chinchilla(0.01)),
            (new AnnealingLaw(), SyntheticData.Annealing(0.0)),
        ];
        foreach (var (law, data) in laws)
        {
            const int row = 7;
            foreach (var input in law.Inputs)
            {
                foreach (var bad in BadValues)
                {
                    var isBad = input.Domain switch
                    {
                        InputDomain.Positive => !(double.IsFinite(bad) && bad > 0.0),
                        InputDomain.NonNegative => !(double.IsFinite(bad) && bad >= 0.0),
                        _ => !double.IsFinite(bad),
                    };
                    if (!isBad)
                    {
                        continue;
                    }

                    var column = data.Column(input.Name).ToArray().With(row, bad);
                    var corrupted = data.WithColumn(input.Name, column);
                    yield return Case("ScalingLawFitter.Fit", $"{law.Name}, {input.Name}[{row}] = {Text(bad)}",
                        () => ScalingLawFitter.Fit(law, corrupted), "data", $"{input.Name}[{row}] = {Text(bad)}");
                }
            }

            foreach (var bad in BadValues)
            {
                var target = data.Target.ToArray().With(row, bad);
                var corrupted = new Observations(data.ColumnNames, data.ColumnNames.Select(n => data.Column(n).ToArray()).ToArray(), target);
                if (!double.IsFinite(bad))
                {
                    yield return Case("ScalingLawFitter.Fit", $"{law.Name}, y[{row}] = {Text(bad)}",
                        () => ScalingLawFitter.Fit(law, corrupted), "data", $"y[{row}] = {Text(bad)}");
                }
                else
                {
                    var log = FitOptions.Default with { ResidualSpace = ResidualSpace.Log };
                    yield return Case("ScalingLawFitter.Fit", $"{law.Name}, log residuals, y[{row}] = {Text(bad)}",
                        () => ScalingLawFitter.Fit(law, corrupted, log), "data", $"y[{row}] = {Text(bad)}");
                }
            }

            // No rows, one row, and one row fewer than parameters.
            foreach (var count in new[] { 0, 1, law.ParameterCount - 1 }.Distinct())
            {
                var few = data.SelectRows(Enumerable.Range(0, count).ToArray());
                yield return Case("ScalingLawFitter.Fit", $"{law.Name}, {count} observations",
                    () => ScalingLawFitter.Fit(law, few), "data", $"There are {count} observations but {law.ParameterCount} free parameters");
            }

            // A column the law needs is missing (renamed).
            var missing = law.Inputs[^1].Name;
            var renamed = data.RenameColumn(missing, missing + "_renamed");
            yield return Case("ScalingLawFitter.Fit", $"{law.Name}, column {missing} missing",
                () => ScalingLawFitter.Fit(law, renamed), "data", $"'{missing}'");
        }
    }
}
