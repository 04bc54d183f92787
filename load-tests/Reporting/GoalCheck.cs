namespace Fashionistas.LoadTests.Reporting;

/// <summary>A goal of the issue against what was measured (reported, never asserted by tests).</summary>
public sealed record GoalCheck(string Goal, string Target, string Measured, bool Met);
