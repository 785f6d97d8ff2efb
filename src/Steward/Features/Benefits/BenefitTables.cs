using Microsoft.EntityFrameworkCore;
using Steward.Features.Benefits;

namespace Steward.Data;

// The tables of benefits management: this service's part of the one model.
public abstract partial class StewardDbContext
{
    public DbSet<Benefit> Benefits => Set<Benefit>();
    public DbSet<BenefitMeasurement> BenefitMeasurements => Set<BenefitMeasurement>();
    public DbSet<BenefitTracking> BenefitTracking => Set<BenefitTracking>();
    public DbSet<BenefitYear> BenefitYears => Set<BenefitYear>();
}
