using System.Text.Json;

namespace Fashionistas.Tests.Live;

/// <summary>A message the hub sent: its target, its one argument, and when it arrived (Stopwatch ticks).</summary>
public sealed record RecordedHubMessage(string Target, JsonElement Argument, long ReceivedAt);
