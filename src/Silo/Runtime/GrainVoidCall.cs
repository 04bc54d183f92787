using System.Diagnostics;

namespace Fashionistas.Silo.Runtime;

/// <summary>A call to a grain method returning <see cref="Task"/>.</summary>
internal sealed class GrainVoidCall(GrainMethod method, object?[] arguments, ActivityContext parent)
    : GrainCall(method, arguments, parent)
{
    // Continuations run asynchronously so a caller never executes on (and stalls) the activation loop.
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task Task => _completion.Task;

    public static GrainCall Create(GrainMethod method, object?[] arguments, ActivityContext parent) =>
        new GrainVoidCall(method, arguments, parent);

    protected override void KeepResult(Task turn)
    {
    }

    protected override void SetResult() => _completion.TrySetResult();

    protected override void SetException(Exception exception) => _completion.TrySetException(exception);
}
