using Microsoft.EntityFrameworkCore;
using Steward.Features.Tolerances;

namespace Steward.Data;

// The tables of tolerances: this service's part of the one model.
public abstract partial class StewardDbContext
{
    public DbSet<UnitTolerances> Tolerances => Set<UnitTolerances>();
}
