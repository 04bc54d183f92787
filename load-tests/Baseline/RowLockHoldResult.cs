namespace Fashionistas.LoadTests.Baseline;

/// <summary>Answer of one row-lock hold: accepted (with the new hold's id), or sold out with the seats still available.</summary>
public readonly record struct RowLockHoldResult(bool Accepted, Guid HoldId, int Available);
