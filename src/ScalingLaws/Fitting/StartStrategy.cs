using System.Globalization;

namespace ScalingLaws;

/// <summary>Chooses the starting points of a fit. Several starts run in parallel and the lowest objective wins
/// (ties go to the earliest start, so the choice is deterministic).</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class StartStrategy
{
    private readonly double[][] _points;
    private readonly KeyValuePair<string, double[]>[] _grid;

    private StartStrategy(StartKind kind, double[][] points, KeyValuePair<string, double[]>[] grid, int refinedGridPoints)
    {
        Kind = kind;
        _points = points;
        _grid = grid;
        RefinedGridPoints = refinedGridPoints;
    }

    /// <summary>Gets the default strategy: the law's default starts plus, for laws with linear parameters, a grid over the
    /// nonlinear parameters with the linear ones solved by non-negative least squares (variable projection), refining the
    /// 5 best grid points.</summary>
    public static StartStrategy Default { get; } = new(StartKind.Default, [], [], 5);

    /// <summary>Gets the kind of strategy.</summary>
    public StartKind Kind { get; }

    /// <summary>Gets the explicit starting points (natural parameter vectors) for <see cref="StartKind.Points"/>.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Points => _points;

    /// <summary>Gets the per-parameter value lists for <see cref="StartKind.Grid"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, double[]>> GridAxes => _grid;

    /// <summary>Gets how many of the best variable-projection grid points are refined by the solver (default strategy only).</summary>
    public int RefinedGridPoints { get; }

    /// <summary>Gets the number of starts this strategy describes, when known without the data (0 for the default strategy).</summary>
    public long Count => Kind switch
    {
        StartKind.Points => _points.Length,
        StartKind.Grid => _grid.Aggregate(1L, (acc, axis) => checked(acc * axis.Value.Length)),
        _ => 0,
    };

    /// <summary>Creates a strategy with one starting point.</summary>
    /// <param name="start">Natural parameter values, in the law's parameter order.</param>
    /// <returns>The strategy.</returns>
    public static StartStrategy FromPoint(params double[] start) => FromPoints([start]);

    /// <summary>Creates a strategy from explicit starting points.</summary>
    /// <param name="starts">Natural parameter vectors, in the law's parameter order.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentException">The list is empty or a value is not finite.</exception>
    public static StartStrategy FromPoints(IEnumerable<IReadOnlyList<double>> starts)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var points = starts.Select(s => s?.ToArray() ?? throw new ArgumentException("A start is null.", nameof(starts))).ToArray();
        if (points.Length == 0)
        {
            throw new ArgumentException("At least one start is required.", nameof(starts));
        }

        for (var s = 0; s < points.Length; s++)
        {
            for (var k = 0; k < points[s].Length; k++)
            {
                if (!double.IsFinite(points[s][k]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"starts[{s}][{k}] = {points[s][k]} is not finite."), nameof(starts));
                }
            }
        }

        return new StartStrategy(StartKind.Points, points, [], 0);
    }

    /// <summary>Creates a Cartesian grid of starts, for example Epoch AI's 4500-start grid for the Chinchilla law.</summary>
    /// <param name="valuesByParameter">For every parameter of the law, by name, the natural values to try.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentException">An axis is empty or has a non-finite value.</exception>
    public static StartStrategy Grid(IEnumerable<KeyValuePair<string, double[]>> valuesByParameter)
    {
        ArgumentNullException.ThrowIfNull(valuesByParameter);
        var axes = valuesByParameter.Select(kv => new KeyValuePair<string, double[]>(kv.Key, kv.Value?.ToArray() ?? [])).ToArray();
        foreach (var axis in axes)
        {
            if (axis.Value.Length == 0 || axis.Value.Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"Grid axis '{axis.Key}' must have at least one value, all finite.", nameof(valuesByParameter));
            }
        }

        return new StartStrategy(StartKind.Grid, [], axes, 0);
    }

    /// <summary>Returns a copy of the default strategy that refines the given number of best grid points.</summary>
    /// <param name="count">How many grid points to refine; at least 1.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static StartStrategy DefaultRefining(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new StartStrategy(StartKind.Default, [], [], count);
    }

    /// <summary>Describes the strategy.</summary>
    /// <returns>For example <c>grid of 4500 starts</c>.</returns>
    public override string ToString() => Kind switch
    {
        StartKind.Points => string.Create(CultureInfo.InvariantCulture, $"{_points.Length} explicit start(s)"),
        StartKind.Grid => string.Create(CultureInfo.InvariantCulture, $"grid of {Count} starts over {string.Join(", ", _grid.Select(a => a.Key))}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"default (law starts + variable-projection grid, {RefinedGridPoints} refined)"),
    };
}
