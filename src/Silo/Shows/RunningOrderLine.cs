namespace Fashionistas.Silo.Shows;

/// <summary>One look as the organizer writes it into the running order (already validated).</summary>
public sealed record RunningOrderLine(string Segment, Guid? CollectionId, Guid? ModelId, string? Look);
