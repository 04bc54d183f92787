using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A yes or no: <c>accept</c> or <c>decline</c> (an invitation, an application).</summary>
public sealed record AnswerRequest(string? Answer) : IValidatable
{
    public const string Accept = "accept";
    public const string Decline = "decline";

    public bool Accepts => Answer == Accept;

    public Validation Validate() => new Validation()
        .Require(Answer is Accept or Decline, "answer", $"answer must be '{Accept}' or '{Decline}'.");
}
