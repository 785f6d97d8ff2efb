using Steward.Features.Finance;
using Steward.Tests.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Finance;

public sealed class FinanceMatrixRouteValues : IMatrixRouteValues
{
    public Task<string?> ValueAsync(string parameter, MatrixRoute route) => Task.FromResult(parameter switch
    {
        "layer" => "forecast",
        "year" => FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Next.ToString(),
        _ => null,
    });
}
