namespace Fashionistas.Silo.Codes;

/// <summary>What creating a code did.</summary>
public enum CreateCodeOutcome
{
    Created,

    /// <summary>The event already has this code (compared case-insensitively).</summary>
    Duplicate,

    /// <summary>A named ticket type is not one of the event's.</summary>
    UnknownTicketType,
}
