using System.Diagnostics;
using System.Reflection;

namespace Fashionistas.Silo.Runtime;

/// <summary>
/// A validated grain interface method with everything a call needs precomputed, so the hot path does
/// no reflection beyond one cached invoker call.
/// </summary>
internal sealed class GrainMethod
{
    private readonly MethodInvoker _invoker;
    private readonly Func<GrainMethod, object?[], ActivityContext, GrainCall> _createCall;

    private GrainMethod(
        MethodInfo method, string grainName, Func<GrainMethod, object?[], ActivityContext, GrainCall> createCall)
    {
        _invoker = MethodInvoker.Create(method);
        _createCall = createCall;
        Name = method.Name;
        GrainName = grainName;
        SpanName = $"grain {grainName}.{method.Name}";
    }

    public string Name { get; }

    /// <summary>The grain interface's name, used in metrics, spans and messages.</summary>
    public string GrainName { get; }

    public string SpanName { get; }

    /// <summary>Builds the description of what is wrong with <paramref name="method"/>, or null when it is usable.</summary>
    public static string? Problem(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
        {
            return "generic methods are not supported";
        }

        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            return "ref, out and in parameters are not supported";
        }

        var returns = method.ReturnType;
        var isTask = returns == typeof(Task) ||
            (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>));
        return isTask ? null : $"it returns {returns.Name}; grain methods must return Task or Task<T>";
    }

    public static GrainMethod Create(MethodInfo method, string grainName)
    {
        var returns = method.ReturnType;
        Func<GrainMethod, object?[], ActivityContext, GrainCall> createCall;
        if (returns == typeof(Task))
        {
            createCall = GrainVoidCall.Create;
        }
        else
        {
            var callType = typeof(GrainResultCall<>).MakeGenericType(returns.GetGenericArguments()[0]);
            createCall = callType.GetMethod(nameof(GrainVoidCall.Create), BindingFlags.Public | BindingFlags.Static)!
                .CreateDelegate<Func<GrainMethod, object?[], ActivityContext, GrainCall>>();
        }

        return new GrainMethod(method, grainName, createCall);
    }

    public GrainCall CreateCall(object?[] arguments, ActivityContext parent) => _createCall(this, arguments, parent);

    public Task Invoke(object grain, object?[] arguments) =>
        _invoker.Invoke(grain, arguments.AsSpan()) as Task
        ?? throw new InvalidOperationException($"{GrainName}.{Name} returned a null Task.");
}
