namespace ScalingLaws;

/// <summary>A view of one row of an <see cref="Observations"/> set, used by filters and derived columns.</summary>
public readonly struct ObservationRow : IEquatable<ObservationRow>
{
    private readonly Observations _owner;

    internal ObservationRow(Observations owner, int index)
    {
        _owner = owner;
        Index = index;
    }

    /// <summary>Gets the zero-based row index.</summary>
    public int Index { get; }

    /// <summary>Gets the target value of the row.</summary>
    public double Target => _owner.Target[Index];

    /// <summary>Gets the value of a column in this row.</summary>
    /// <param name="columnName">The column's name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">There is no such column.</exception>
    public double this[string columnName] => _owner.Column(columnName)[Index];

    /// <inheritdoc/>
    public bool Equals(ObservationRow other) => ReferenceEquals(_owner, other._owner) && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ObservationRow other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_owner, Index);

    /// <summary>Compares two rows for identity (same set, same index).</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when both refer to the same row.</returns>
    public static bool operator ==(ObservationRow left, ObservationRow right) => left.Equals(right);

    /// <summary>Compares two rows for identity (same set, same index).</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when the rows differ.</returns>
    public static bool operator !=(ObservationRow left, ObservationRow right) => !left.Equals(right);
}
