using System.Reflection;

namespace Fashionistas.Silo.Runtime;

/// <summary>
/// The object handed out by <c>Get&lt;TGrain&gt;(key)</c>: every interface call becomes a message in the
/// activation's mailbox; the returned task completes when the message is answered.
/// </summary>
public class GrainReference : DispatchProxy
{
    private GrainRuntime? _runtime;
    private GrainType? _grainType;

    /// <summary>The grain's key.</summary>
    public Guid Key { get; private set; }

    internal static object Create(GrainRuntime runtime, GrainType grainType, Guid key)
    {
        var proxy = Create(grainType.Interface, typeof(GrainReference));
        var reference = (GrainReference)proxy;
        reference._runtime = runtime;
        reference._grainType = grainType;
        reference.Key = key;
        return proxy;
    }

    public override string ToString() => $"{_grainType?.Name}/{Key}";

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var grainType = _grainType!;
        return _runtime!.Send(grainType, Key, grainType.Methods[targetMethod], args ?? []);
    }
}
