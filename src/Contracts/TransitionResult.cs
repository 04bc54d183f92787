using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to <see cref="IEventGrain.Transition"/>.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.TransitionResult")]
public abstract record TransitionResult
{
    private TransitionResult()
    {
    }

    public static TransitionResult NotFoundResult { get; } = new NotFound();

    /// <summary>The status changed and the change is recorded in the event's history.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.TransitionResult.Changed")]
    public sealed record Changed(EventSnapshot Event) : TransitionResult;

    /// <summary>The lifecycle does not allow this step; <paramref name="Reason"/> says why.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.TransitionResult.Refused")]
    public sealed record Refused(string Reason) : TransitionResult;

    [GenerateSerializer, Immutable, Alias("Fashionistas.TransitionResult.NotFound")]
    public sealed record NotFound : TransitionResult;
}
