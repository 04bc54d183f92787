namespace Fashionistas.Silo.Checkout;

/// <summary>The owner names who uses the ticket <paramref name="Code"/> (as typed or scanned; checked by <see cref="AttendeeNaming"/>).</summary>
public sealed record AttendeeChange(string Code, string? Name, string? Document);
