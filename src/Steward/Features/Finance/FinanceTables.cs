using Microsoft.EntityFrameworkCore;
using Steward.Features.Finance;

namespace Steward.Data;

// The tables of finance: this service's part of the one model.
public abstract partial class StewardDbContext
{
    public DbSet<UnitFinance> Finances => Set<UnitFinance>();
    public DbSet<FinanceLine> FinanceLines => Set<FinanceLine>();
    public DbSet<FinanceBaseline> FinanceBaselines => Set<FinanceBaseline>();
    public DbSet<FinanceChange> FinanceChanges => Set<FinanceChange>();
    public DbSet<FinanceRollup> FinanceRollups => Set<FinanceRollup>();
}

public abstract partial class StewardDbContext
{
    public DbSet<Steward.Features.Finance.Ledger.LedgerMapping> LedgerMappings => Set<Steward.Features.Finance.Ledger.LedgerMapping>();
}

public abstract partial class StewardDbContext
{
    public DbSet<Steward.Features.Finance.BusinessCases.BusinessCase> BusinessCases => Set<Steward.Features.Finance.BusinessCases.BusinessCase>();
}
