namespace Fashionistas.LoadTests.Reporting;

/// <summary>One invariant checked against the database after a run.</summary>
public sealed record VerificationCheck(string Name, bool Passed, string Detail);
