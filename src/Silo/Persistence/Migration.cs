namespace Fashionistas.Silo.Persistence;

/// <summary>One versioned SQL migration; <see cref="Version"/> is its file name without extension.</summary>
public sealed record Migration(string Version, string Sql);
