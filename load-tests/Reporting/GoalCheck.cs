namespace Fashionistas.LoadTests.Reporting;

/// <summary>
/// A goal of the issue against what was measured (reported, never asserted by tests). An <paramref name="Essential"/>
/// goal is what the run was asked to do (a sustained run's rate): missing it fails the run, whatever the database says.
/// </summary>
public sealed record GoalCheck(string Goal, string Target, string Measured, bool Met, bool Essential = false);
