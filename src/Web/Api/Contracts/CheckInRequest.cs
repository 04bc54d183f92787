namespace Fashionistas.Web.Api.Contracts;

/// <summary>A scanned or typed ticket code (the bare code or a link ending in it).</summary>
public sealed record CheckInRequest(string? Code);
