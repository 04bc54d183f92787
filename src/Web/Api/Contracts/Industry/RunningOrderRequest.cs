using Fashionistas.Silo.Shows;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A show's whole running order, in walking order.</summary>
public sealed record RunningOrderRequest(IReadOnlyList<RunningOrderLineRequest?>? Lines) : IValidatable
{
    private const int MaxLines = 500;
    private const int MaxSegment = 120;
    private const int MaxLook = 200;

    public Validation Validate()
    {
        var validation = new Validation()
            .Require(Lines is not null, "lines", "lines is required (an empty list clears the running order).")
            .Require(Lines is null || Lines.Count <= MaxLines, "lines", $"A running order has at most {MaxLines} looks.");
        for (var i = 0; Lines is not null && i < Lines.Count && i < MaxLines; i++)
        {
            var line = Lines[i];
            validation.Require(line is not null, $"lines[{i}]", "A look cannot be empty.");
            if (line is not null)
            {
                validation.Text(line.Segment, $"lines[{i}].segment", MaxSegment).Text(line.Look, $"lines[{i}].look", MaxLook, required: false);
            }
        }

        return validation;
    }

    public IReadOnlyList<RunningOrderLine> ToLines() =>
        Lines!.Select(l => new RunningOrderLine(l!.Segment!.Trim(), l.CollectionId, l.ModelId, l.Look.OrNull())).ToList();
}
