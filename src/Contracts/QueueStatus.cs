namespace Fashionistas.Grains.Contracts;

/// <summary>Where an account stands in a waiting room.</summary>
public enum QueueStatus
{
    /// <summary>No room is active for the event, or the account has not joined.</summary>
    NotQueued,

    /// <summary>Arrived before the opening: the place is drawn at the opening.</summary>
    Early,

    /// <summary>Has a place and waits.</summary>
    Waiting,

    /// <summary>Let in: may shop until its pass expires.</summary>
    Admitted,
}
