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
// that each provider keeps its own migration set. Each PMO service's tables are declared in its own
// folder, in a part of this class of its own (Features/Raid/RaidTables.cs, ...), and configured by its
// IEntityTypeConfiguration classes, which the model finds by itself.
public abstract partial class StewardDbContext(DbContextOptions options) : IdentityUserContext<StewardUser, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DeliveryUnit> Units => Set<DeliveryUnit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<HistoryEvent> History => Set<HistoryEvent>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

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

    // Every SaveChanges interceptor reads the change tracker, and each read would scan every tracked
    // entity again for changes: a 5,000-task plan was scanned four times per save. Changes are detected
    // once here, automatic detection is off while the interceptors run, and the last interceptor
    // (InterceptorsDone) turns it back on, so EF's own save detects what the interceptors changed and
    // runs exactly as it always has.
    internal bool DetectsAfterInterceptors { get; private set; }

    internal void InterceptorsDone()
    {
        if (DetectsAfterInterceptors)
        {
            DetectsAfterInterceptors = false;
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeInterceptors();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            InterceptorsDone();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeInterceptors();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            InterceptorsDone();
        }
    }

    private void BeforeInterceptors()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
            DetectsAfterInterceptors = true;
        }
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
        builder.ApplyRecordConventions();
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
