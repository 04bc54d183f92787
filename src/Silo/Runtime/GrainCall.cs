using System.Diagnostics;

namespace Fashionistas.Silo.Runtime;

/// <summary>A call made through a grain reference: the method, its arguments and the caller's trace context.</summary>
internal abstract class GrainCall(GrainMethod method, object?[] arguments, ActivityContext parent) : GrainMessage
{
    private Exception? _exception;

    public GrainMethod Method => method;

    /// <summary>The task the caller awaits: <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
    public abstract Task Task { get; }

    public override bool IsCall => true;

    public override bool TurnSucceeded => _exception is null;

    public override async Task RunAsync(GrainActivation activation)
    {
        using var activity = GrainTracing.StartTurn(method, parent, activation.Key);
        try
        {
            var turn = method.Invoke(activation.Instance, arguments);
            await turn.ConfigureAwait(false);
            KeepResult(turn);
        }
        catch (Exception exception)
        {
            _exception = exception;
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        }
    }

    public override void Complete()
    {
        if (_exception is null)
        {
            SetResult();
        }
        else
        {
            SetException(_exception);
        }
    }

    public override void Fail(Exception exception) => SetException(exception);

    /// <summary>Stores the value of a turn that completed successfully.</summary>
    protected abstract void KeepResult(Task turn);

    protected abstract void SetResult();

    protected abstract void SetException(Exception exception);
}
