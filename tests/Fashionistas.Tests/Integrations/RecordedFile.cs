namespace Fashionistas.Tests.Integrations;

/// <summary>A file part of a multipart request the local server received.</summary>
public sealed record RecordedFile(string Name, string FileName, string ContentType, byte[] Content);
