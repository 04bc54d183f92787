namespace Fashionistas.Web.Errors;

/// <summary>A request body that can say what is wrong with it.</summary>
public interface IValidatable
{
    Validation Validate();
}
