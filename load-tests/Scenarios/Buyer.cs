namespace Fashionistas.LoadTests.Scenarios;

/// <summary>A registered, signed-in attendee the load generator plays.</summary>
public sealed record Buyer(int Index, Guid Id, string Email, string Token);
