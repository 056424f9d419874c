using System.Globalization;

namespace ScalingLaws.Cli;

/// <summary>
/// A small, safe arithmetic expression for <c>--derive</c>: numbers (<c>6</c>, <c>1.5e-3</c>), column names, <c>+ - * / ^</c>
/// (<c>^</c> binds tightest and is right-associative; unary minus binds looser than <c>^</c>, so <c>-2^2 = -4</c>),
/// parentheses and the functions <c>log</c> (natural), <c>ln</c>, <c>log10</c>, <c>log2</c>, <c>exp</c>, <c>sqrt</c> and <c>abs</c>.
/// Nothing else is evaluated: no other calls, no assignment, no code.
/// </summary>
internal sealed class Expression
{
    private static readonly Dictionary<string, Func<double, double>> Functions = new(StringComparer.Ordinal)
    {
        ["log"] = Math.Log,
        ["ln"] = Math.Log,
        ["log10"] = Math.Log10,
        ["log2"] = Math.Log2,
        ["exp"] = Math.Exp,
        ["sqrt"] = Math.Sqrt,
        ["abs"] = Math.Abs,
    };

    private readonly Func<Func<string, double>, double> _evaluate;

    private Expression(string text, Func<Func<string, double>, double> evaluate, IReadOnlyList<string> variables)
    {
        Text = text;
        _evaluate = evaluate;
        Variables = variables;
    }

    public string Text { get; }

    /// <summary>Gets the column names the expression reads, in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    public double Evaluate(Func<string, double> variable) => _evaluate(variable);

    /// <summary>Parses an expression.</summary>
    /// <exception cref="FormatException">The text is not a valid expression; the message says where.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var evaluate = parser.ParseAll();
        return new Expression(text, evaluate, parser.Variables);
    }

    public override string ToString() => Text;

    private sealed class Parser(string text)
    {
        private int _position;

        public List<string> Variables { get; } = [];

        public Func<Func<string, double>, double> ParseAll()
        {
            SkipSpaces();
            if (_position >= text.Length)
            {
                throw new FormatException("the expression is empty");
            }

            var result = ParseSum();
            SkipSpaces();
            if (_position < text.Length)
            {
                throw Error($"unexpected '{text[_position]}'");
            }

            return result;
        }

        private Func<Func<string, double>, double> ParseSum()
        {
            var left = ParseProduct();
            while (true)
            {
                SkipSpaces();
                if (Accept('+'))
                {
                    var (l, r) = (left, ParseProduct());
                    left = v => l(v) + r(v);
                }
                else if (Accept('-'))
                {
                    var (l, r) = (left, ParseProduct());
                    left = v => l(v) - r(v);
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<Func<string, double>, double> ParseProduct()
        {
            var left = ParseUnary();
            while (true)
            {
                SkipSpaces();
                if (Accept('*'))
                {
                    var (l, r) = (left, ParseUnary());
                    left = v => l(v) * r(v);
                }
                else if (Accept('/'))
                {
                    var (l, r) = (left, ParseUnary());
                    left = v => l(v) / r(v);
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<Func<string, double>, double> ParseUnary()
        {
            SkipSpaces();
            if (Accept('-'))
            {
                var operand = ParseUnary();
                return v => -operand(v);
            }

            if (Accept('+'))
            {
                return ParseUnary();
            }

            return ParsePower();
        }

        private Func<Func<string, double>, double> ParsePower()
        {
            var baseValue = ParseAtom();
            SkipSpaces();
            if (Accept('^'))
            {
                var exponent = ParseUnary();
                return v => Math.Pow(baseValue(v), exponent(v));
            }

            return baseValue;
        }

        private Func<Func<string, double>, double> ParseAtom()
        {
            SkipSpaces();
            if (_position >= text.Length)
            {
                throw Error("the expression ends too early");
            }

            var c = text[_position];
            if (Accept('('))
            {
                var inner = ParseSum();
                SkipSpaces();
                if (!Accept(')'))
                {
                    throw Error("missing ')'");
                }

                return inner;
            }

            if (char.IsDigit(c) || c == '.')
            {
                return ParseNumber();
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = _position;
                while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
                {
                    _position++;
                }

                var name = text[start.._position];
                SkipSpaces();
                if (_position < text.Length && text[_position] == '(')
                {
                    if (!Functions.TryGetValue(name, out var function))
                    {
                        _position = start;
                        throw Error($"unknown function '{name}' (use log, ln, log10, log2, exp, sqrt or abs)");
                    }

                    _position++;
                    var argument = ParseSum();
                    SkipSpaces();
                    if (!Accept(')'))
                    {
                        throw Error($"missing ')' after the argument of {name}");
                    }

                    return v => function(argument(v));
                }

                if (!Variables.Contains(name))
                {
                    Variables.Add(name);
                }

                return v => v(name);
            }

            throw Error($"unexpected '{c}'");
        }

        private Func<Func<string, double>, double> ParseNumber()
        {
            var start = _position;
            while (_position < text.Length && (char.IsDigit(text[_position]) || text[_position] == '.'))
            {
                _position++;
            }

            if (_position < text.Length && (text[_position] == 'e' || text[_position] == 'E'))
            {
                var save = _position;
                _position++;
                if (_position < text.Length && (text[_position] == '+' || text[_position] == '-'))
                {
                    _position++;
                }

                if (_position < text.Length && char.IsDigit(text[_position]))
                {
                    while (_position < text.Length && char.IsDigit(text[_position]))
                    {
                        _position++;
                    }
                }
                else
                {
                    _position = save;
                }
            }

            var token = text[start.._position];
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                _position = start;
                throw Error($"'{token}' is not a number");
            }

            return _ => value;
        }

        private bool Accept(char c)
        {
            if (_position < text.Length && text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private FormatException Error(string what)
            => new(string.Create(CultureInfo.InvariantCulture, $"{what} at position {_position + 1} of '{text}'"));
    }
}
