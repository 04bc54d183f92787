namespace Fashionistas.Silo.Industry;

/// <summary>How a sponsor write ended.</summary>
public enum SponsorWriteStatus
{
    Done,
    NotFound,

    /// <summary>Another sponsor already has this name (names are unique, case-insensitively).</summary>
    NameTaken,
}
