using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>A scanned or typed ticket code (the bare code or a link ending in it).</summary>
public sealed record CheckInRequest(string? Code) : IValidatable
{
    private const int MaxScannedLength = 500;

    public Validation Validate() => new Validation().Text(Code, "code", MaxScannedLength);
}
