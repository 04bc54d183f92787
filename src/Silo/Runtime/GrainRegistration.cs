namespace Fashionistas.Silo.Runtime;

/// <summary>Which class implements a grain interface; added by <c>services.AddGrain&lt;TInterface, TImplementation&gt;()</c>.</summary>
public sealed record GrainRegistration(Type Interface, Type Implementation);
