using System.CommandLine;
using System.Globalization;

namespace ScalingLaws.Cli;

/// <summary><c>scaling-laws laws [NAME]</c>: the built-in laws with their formulas, inputs and parameters.</summary>
internal static class LawsCommand
{
    public static Command Create(CommandContext context)
    {
        var name = new Argument<string?>("name")
        {
            Description = "Show one law (default: all).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("laws", "List the built-in laws with their formulas, inputs and parameters.") { name };
        command.SetAction(parse =>
        {
            var only = parse.GetValue(name);
            if (only is not null && !LawRegistry.Contains(only))
            {
                throw new UsageException($"unknown law '{only}'; the laws are: {string.Join(", ", LawRegistry.Names)}");
            }

            var names = only is null ? LawRegistry.Names : [only];
            var output = context.Output;
            foreach (var lawName in names)
            {
                var law = LawRegistry.Create(lawName);
                output.WriteLine($"{law.Name}");
                output.WriteLine($"  formula:    {law.Formula}");
                output.WriteLine($"  inputs:     {string.Join("; ", law.Inputs.Select(i => $"{i.Name} ({i.Description})"))}");
                output.WriteLine("  parameters:");
                foreach (var p in law.Parameters)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {p.Name,-8} {p.Description} [{Bound(p.LowerBound)}, {Bound(p.UpperBound)}]{(p.Scale == ParameterScale.Log ? ", fitted as log" : string.Empty)}"));
                }

                output.WriteLine();
            }

            if (only is null)
            {
                output.WriteLine("Fit one with: scaling-laws fit data.csv --law NAME --x INPUT=HEADER ... --y TARGET");
            }

            return Program.Success;
        });
        return command;
    }

    private static string Bound(double value) => double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("G6", CultureInfo.InvariantCulture);
}
