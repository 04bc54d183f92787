using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using Fashionistas.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Silo.Runtime;

/// <summary>One grain interface as the runtime knows it: methods, implementation, live activations and references.</summary>
internal sealed class GrainType
{
    private readonly ObjectFactory _factory;

    private GrainType(GrainRegistration registration, FrozenDictionary<MethodInfo, GrainMethod> methods)
    {
        Interface = registration.Interface;
        Implementation = registration.Implementation;
        Name = registration.Interface.Name;
        StateName = registration.Implementation.Name;
        Methods = methods;
        _factory = ActivatorUtilities.CreateFactory(registration.Implementation, Type.EmptyTypes);
    }

    public Type Interface { get; }

    public Type Implementation { get; }

    /// <summary>The interface name, used in metrics, spans and messages.</summary>
    public string Name { get; }

    /// <summary>The implementation class name, under which persistent state is stored.</summary>
    public string StateName { get; }

    public FrozenDictionary<MethodInfo, GrainMethod> Methods { get; }

    public ConcurrentDictionary<Guid, GrainActivation> Activations { get; } = new();

    public ConcurrentDictionary<Guid, object> References { get; } = new();

    /// <summary>Validates the interface (every method returns Task or Task&lt;T&gt;) and precomputes its methods.</summary>
    public static GrainType Create(GrainRegistration registration)
    {
        var grainInterface = registration.Interface;
        if (!grainInterface.IsInterface || !typeof(IGrainWithGuidKey).IsAssignableFrom(grainInterface))
        {
            throw new InvalidOperationException(
                $"{grainInterface.FullName} is not a grain interface: it must be an interface extending {nameof(IGrainWithGuidKey)}.");
        }

        if (!grainInterface.IsAssignableFrom(registration.Implementation) ||
            !typeof(IGrainLifecycle).IsAssignableFrom(registration.Implementation) ||
            registration.Implementation.IsAbstract)
        {
            throw new InvalidOperationException(
                $"{registration.Implementation.FullName} must be a concrete class implementing {grainInterface.Name} and deriving from {nameof(Grain)}.");
        }

        var methods = grainInterface.GetMethods()
            .Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods()))
            .ToList();
        var problems = methods
            .Select(m => (Method: m, Problem: GrainMethod.Problem(m)))
            .Where(p => p.Problem is not null)
            .Select(p => $"{p.Method.DeclaringType?.Name}.{p.Method.Name}: {p.Problem}")
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Grain interface {grainInterface.FullName} cannot be called through the grain runtime: {string.Join("; ", problems)}.");
        }

        var name = grainInterface.Name;
        return new GrainType(registration, methods.ToFrozenDictionary(m => m, m => GrainMethod.Create(m, name)));
    }

    public IGrainLifecycle CreateInstance(IServiceProvider services) => (IGrainLifecycle)_factory(services, null);
}
