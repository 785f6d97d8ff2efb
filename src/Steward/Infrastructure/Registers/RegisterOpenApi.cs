using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Steward.Infrastructure.Registers;

// Every register lives under /units/{unit}: its description is written once, here, for them all.
public static class RegisterOpenApi
{
    public const string UnitDescription = "The unit: its code (DPP-PRJ-001) or id.";

    public static OpenApiOptions DescribeUnitParameter(this OpenApiOptions options) => options.AddOperationTransformer((operation, _, _) =>
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { Name: "unit", In: ParameterLocation.Path } unit && string.IsNullOrEmpty(unit.Description))
            {
                unit.Description = UnitDescription;
            }
        }

        return Task.CompletedTask;
    });
}
