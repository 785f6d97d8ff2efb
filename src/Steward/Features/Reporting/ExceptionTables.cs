using Microsoft.EntityFrameworkCore;
using Steward.Features.Reporting.Exceptions;

namespace Steward.Data;

// Exceptions raised from tolerances: part of performance reporting's tables.
public abstract partial class StewardDbContext
{
    public DbSet<ExceptionReport> ExceptionReports => Set<ExceptionReport>();
}
