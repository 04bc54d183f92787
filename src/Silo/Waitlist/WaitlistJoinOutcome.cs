namespace Fashionistas.Silo.Waitlist;

/// <summary>What joining a waitlist did.</summary>
public abstract record WaitlistJoinOutcome
{
    private WaitlistJoinOutcome()
    {
    }

    /// <summary>On the list; <paramref name="Created"/> is false when the user was already on it (same position).</summary>
    public sealed record Joined(WaitlistPosition Entry, bool Created) : WaitlistJoinOutcome;

    /// <summary>The list already holds <paramref name="Max"/> people.</summary>
    public sealed record Full(int Max) : WaitlistJoinOutcome;
}
