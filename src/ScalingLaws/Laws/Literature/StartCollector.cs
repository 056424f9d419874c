namespace ScalingLaws.Internal;

/// <summary>Keeps the best few candidate starting points (lowest objective first; ties keep the earlier candidate) found by a
/// data-aware grid search inside a law's <see cref="ScalingLaw.GetDefaultStarts"/>.</summary>
internal sealed class StartCollector
{
    private readonly int _capacity;
    private readonly List<(double Objective, double[] Start)> _best = [];

    public StartCollector(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>Gets the worst objective still kept, or +∞ while there is room.</summary>
    public double Threshold => _best.Count < _capacity ? double.PositiveInfinity : _best[^1].Objective;

    /// <summary>Offers a candidate; the array is copied only when the candidate is kept.</summary>
    public void Offer(double objective, ReadOnlySpan<double> start)
    {
        if (!double.IsFinite(objective) || objective >= Threshold)
        {
            return;
        }

        foreach (var v in start)
        {
            if (!double.IsFinite(v))
            {
                return;
            }
        }

        var index = _best.FindIndex(b => b.Objective > objective);
        _best.Insert(index < 0 ? _best.Count : index, (objective, start.ToArray()));
        if (_best.Count > _capacity)
        {
            _best.RemoveAt(_best.Count - 1);
        }
    }

    /// <summary>Returns the kept starts, best first, followed by <paramref name="extra"/>.</summary>
    public List<double[]> ToList(params double[][] extra)
    {
        var list = _best.Select(b => b.Start).ToList();
        list.AddRange(extra);
        return list;
    }
}
