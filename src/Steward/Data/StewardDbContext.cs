using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Steward.Features.Access;
using Steward.Features.Accounts;
using Steward.Features.Tokens;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Data;

// One model for both providers; SqliteStewardDbContext and PostgresStewardDbContext exist only so
// that each provider keeps its own migration set.
public abstract class StewardDbContext(DbContextOptions options) : IdentityUserContext<StewardUser, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DeliveryUnit> Units => Set<DeliveryUnit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<HistoryEvent> History => Set<HistoryEvent>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Features.Raid.Risk> Risks => Set<Features.Raid.Risk>();
    public DbSet<Features.Raid.Issue> Issues => Set<Features.Raid.Issue>();
    public DbSet<Features.Raid.RaidTolerance> RaidTolerances => Set<Features.Raid.RaidTolerance>();
    public DbSet<Features.Raid.Dependency> Dependencies => Set<Features.Raid.Dependency>();
    public DbSet<Features.Raid.Assumption> Assumptions => Set<Features.Raid.Assumption>();
    public DbSet<Features.Raid.RiskScale> RiskScales => Set<Features.Raid.RiskScale>();
    public DbSet<Features.Governance.Board> Boards => Set<Features.Governance.Board>();
    public DbSet<Features.Governance.Meeting> Meetings => Set<Features.Governance.Meeting>();
    public DbSet<Features.Governance.Decision> Decisions => Set<Features.Governance.Decision>();
    public DbSet<Features.Governance.ActionItem> Actions => Set<Features.Governance.ActionItem>();
    public DbSet<Features.Governance.CalendarFeed> CalendarFeeds => Set<Features.Governance.CalendarFeed>();
    public DbSet<Features.Plans.UnitPlan> Plans => Set<Features.Plans.UnitPlan>();
    public DbSet<Features.Plans.PlannedTask> PlanTasks => Set<Features.Plans.PlannedTask>();
    public DbSet<Features.Plans.TaskLink> PlanLinks => Set<Features.Plans.TaskLink>();
    public DbSet<Features.Plans.CrossUnitLink> CrossUnitLinks => Set<Features.Plans.CrossUnitLink>();
    public DbSet<Features.Plans.PlanBaseline> PlanBaselines => Set<Features.Plans.PlanBaseline>();
    public DbSet<Features.Plans.BaselineTask> BaselineTasks => Set<Features.Plans.BaselineTask>();
    public DbSet<Features.Plans.MilestoneForecast> MilestoneForecasts => Set<Features.Plans.MilestoneForecast>();

    // Shared by every web node, so a form served by one node can be posted to another.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Who is saving, for the history; set whenever the context is handed to a scope.
    public ChangeContext ChangeContext { get; set; } = new();

    // Saves of new rows only, inside a transaction, go to PostgreSQL by COPY (see BulkInsertInterceptor).
    public bool IsInsertingInBulk { get; private set; }

    public IDisposable InsertingInBulk()
    {
        IsInsertingInBulk = true;
        return new BulkScope(this);
    }

    private sealed class BulkScope(StewardDbContext db) : IDisposable
    {
        public void Dispose() => db.IsInsertingInBulk = false;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StewardUser>().ToTable("users");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        if (builder.Model.FindEntityType(typeof(IdentityUserPasskey<Guid>)) is not null)
        {
            builder.Entity<IdentityUserPasskey<Guid>>().ToTable("user_passkeys");
        }

        builder.ApplyConfigurationsFromAssembly(typeof(StewardDbContext).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        // Enums are stored by name so the database reads well in reports and survives reordering.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type.IsEnum)
            {
                property.SetProviderClrType(typeof(string));
                property.SetMaxLength(60);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
