using System.Text.Json;

namespace Fashionistas.LoadTests.Live;

/// <summary>
/// A message the hub sent to the client: its target, its one argument, and when it arrived — Stopwatch ticks
/// (<see cref="ReceivedAt"/>) and wall clock (<see cref="ReceivedAtUtc"/>), stamped before parsing.
/// </summary>
public sealed record HubMessage(string Target, JsonElement Argument, long ReceivedAt, DateTimeOffset ReceivedAtUtc);
