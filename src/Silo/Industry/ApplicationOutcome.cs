namespace Fashionistas.Silo.Industry;

/// <summary>How an application write ended.</summary>
public enum ApplicationOutcome
{
    Done,

    /// <summary>The organizer already declined this collection for this show; the designer cannot re-apply.</summary>
    AlreadyDeclined,

    /// <summary>The organizer tried to decide on a collection whose designer never applied (no consent).</summary>
    NotApplied,
}
