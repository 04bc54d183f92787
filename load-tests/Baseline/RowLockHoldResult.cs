namespace Fashionistas.LoadTests.Baseline;

/// <summary>Answer of one row-lock hold: accepted, or sold out with the seats still available.</summary>
public readonly record struct RowLockHoldResult(bool Accepted, int Available);
