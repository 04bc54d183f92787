namespace Fashionistas.Silo.Waitlist;

/// <summary>What one waitlist round of a ticket type did: who was told, how many bought, whether anyone still waits.</summary>
public sealed record WaitlistRound(IReadOnlyList<WaitlistNotification> Notified, int Converted, bool AnyoneLeft);
