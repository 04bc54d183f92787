namespace Fashionistas.LoadTests.Client;

/// <summary>Preparing a run failed (the server refused a setup call); the run cannot start.</summary>
public sealed class SetupException(string message) : Exception(message);
