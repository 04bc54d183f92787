namespace Fashionistas.Tests.Infrastructure;

/// <summary>One row of an authorization matrix: a route, how to build its request for a role, and the status each role must get.</summary>
public sealed record RouteCase(string Name, Func<string, Task<HttpRequestMessage>> Build, Func<string, int> Expected);
