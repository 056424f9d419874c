namespace ScalingLaws.Cli.Tests;

public sealed class ExpressionTests
{
    private static double Evaluate(string text) => Expression.Parse(text).Evaluate(name => name switch
    {
        "C" => 6e21,
        "N" => 1e10,
        "x" => 2.0,
        _ => throw new ArgumentException(name),
    });

    [Theory]
    [InlineData("C/(6*N)", 1e11)]
    [InlineData("1 + 2 * 3", 7.0)]
    [InlineData("(1 + 2) * 3", 9.0)]
    [InlineData("2^3^2", 512.0)]
    [InlineData("-2^2", -4.0)]
    [InlineData("x^-1", 0.5)]
    [InlineData("8 / 4 / 2", 1.0)]
    [InlineData("10 - 4 - 3", 3.0)]
    [InlineData("1.5e-3 * 2E3", 3.0)]
    [InlineData("log(exp(x))", 2.0)]
    [InlineData("log10(N)", 10.0)]
    [InlineData("sqrt(x*x) + abs(-1)", 3.0)]
    public void Evaluate_Expression_ComputesValue(string text, double expected)
        => Evaluate(text).Should().BeApproximately(expected, 1e-12 * Math.Abs(expected));

    [Fact]
    public void Parse_Expression_ListsVariablesInOrderOfUse()
        => Expression.Parse("C/(6*N) + C").Variables.Should().Equal("C", "N");

    [Theory]
    [InlineData("", "empty")]
    [InlineData("C/(6*N", "missing ')'")]
    [InlineData("C +", "ends too early")]
    [InlineData("C N", "unexpected 'N'")]
    [InlineData("system(1)", "unknown function 'system'")]
    [InlineData("1..2", "'1..2' is not a number")]
    [InlineData("C; rm", "unexpected ';'")]
    public void Parse_Invalid_ThrowsFormatExceptionSayingWhere(string text, string expected)
    {
        var act = () => Expression.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{expected}*");
    }
}
