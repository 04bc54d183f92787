namespace Fashionistas.Web.Api.Contracts;

/// <summary>The event's attendee setting: whether each ticket needs its attendee's document number.</summary>
public sealed record AttendeeSettings(bool DocumentRequired);
