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
    public DbSet<Features.Benefits.Map.StrategicObjective> StrategicObjectives => Set<Features.Benefits.Map.StrategicObjective>();
    public DbSet<Features.Benefits.Map.BusinessChange> BusinessChanges => Set<Features.Benefits.Map.BusinessChange>();
    public DbSet<Features.Benefits.Map.BenefitMapLink> BenefitMapLinks => Set<Features.Benefits.Map.BenefitMapLink>();
}
