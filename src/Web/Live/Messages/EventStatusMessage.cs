namespace Fashionistas.Web.Live.Messages;

/// <summary>An event's lifecycle status (snake_case, as in the API) as of <see cref="At"/>.</summary>
public sealed record EventStatusMessage(Guid EventId, string Status, DateTimeOffset At);
