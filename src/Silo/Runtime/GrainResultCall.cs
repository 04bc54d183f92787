using System.Diagnostics;

namespace Fashionistas.Silo.Runtime;

/// <summary>A call to a grain method returning <see cref="Task{TResult}"/>.</summary>
internal sealed class GrainResultCall<TResult>(GrainMethod method, object?[] arguments, ActivityContext parent)
    : GrainCall(method, arguments, parent)
{
    // Continuations run asynchronously so a caller never executes on (and stalls) the activation loop.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;

    public override Task Task => _completion.Task;

    public static GrainCall Create(GrainMethod method, object?[] arguments, ActivityContext parent) =>
        new GrainResultCall<TResult>(method, arguments, parent);

    // The turn has completed successfully here, so Result does not block.
    protected override void KeepResult(Task turn) => _result = ((Task<TResult>)turn).Result;

    protected override void SetResult() => _completion.TrySetResult(_result!);

    protected override void SetException(Exception exception) => _completion.TrySetException(exception);
}
