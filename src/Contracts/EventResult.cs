using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to creating or editing an event.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.EventResult")]
public abstract record EventResult
{
    private EventResult()
    {
    }

    public static EventResult NotFoundResult { get; } = new NotFound();

    [GenerateSerializer, Immutable, Alias("Fashionistas.EventResult.Ok")]
    public sealed record Ok(EventSnapshot Event) : EventResult;

    /// <summary>The details are malformed (or the organizer does not exist).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.EventResult.Invalid")]
    public sealed record Invalid(string Reason) : EventResult;

    /// <summary>Well-formed but not allowed now (already exists, not editable in its status, capacity too small).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.EventResult.Refused")]
    public sealed record Refused(string Reason) : EventResult;

    [GenerateSerializer, Immutable, Alias("Fashionistas.EventResult.NotFound")]
    public sealed record NotFound : EventResult;
}
