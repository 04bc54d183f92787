namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to creating or editing an event.</summary>
public abstract record EventResult
{
    private EventResult()
    {
    }

    public static EventResult NotFoundResult { get; } = new NotFound();

    public sealed record Ok(EventSnapshot Event) : EventResult;

    /// <summary>The details are malformed (or the organizer does not exist).</summary>
    public sealed record Invalid(string Reason) : EventResult;

    /// <summary>Well-formed but not allowed now (already exists, not editable in its status, capacity too small).</summary>
    public sealed record Refused(string Reason) : EventResult;

    public sealed record NotFound : EventResult;
}
