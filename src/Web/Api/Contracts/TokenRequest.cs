using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>The token of an e-mailed link (e-mail verification).</summary>
public sealed record TokenRequest(string? Token) : IValidatable
{
    /// <summary>Our tokens are 43 characters; anything far longer is not one of them.</summary>
    public const int MaxTokenLength = 200;

    public Validation Validate() => new Validation().Text(Token, "token", MaxTokenLength);
}
