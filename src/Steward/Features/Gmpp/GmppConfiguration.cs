using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Gmpp;

internal sealed class GmppMembershipConfiguration : IEntityTypeConfiguration<GmppMembership>
{
    public void Configure(EntityTypeBuilder<GmppMembership> membership)
    {
        membership.ToTable("gmpp_memberships");
        membership.HasIndex(m => m.UnitId).IsUnique();
        // The whole id is the key: numeric parts are reused across departments and years.
        membership.HasIndex(m => m.GmppId).IsUnique();
        membership.Property(m => m.GmppId).HasMaxLength(GmppMembership.GmppIdMaxLength);
        membership.Property(m => m.Department).HasMaxLength(GmppMembership.DepartmentMaxLength);
        foreach (var text in new[] { nameof(GmppMembership.DcaCommentary), nameof(GmppMembership.ScheduleNarrative), nameof(GmppMembership.VarianceNarrative),
            nameof(GmppMembership.WholeLifeCostNarrative), nameof(GmppMembership.BenefitsNarrative), nameof(GmppMembership.Withheld) })
        {
            membership.Property<string?>(text).HasMaxLength(GmppSnapshot.TextMaxLength);
        }
    }
}

internal sealed class GmppSnapshotConfiguration : IEntityTypeConfiguration<GmppSnapshot>
{
    public void Configure(EntityTypeBuilder<GmppSnapshot> snapshot)
    {
        snapshot.ToTable("gmpp_snapshots");
        snapshot.HasIndex(s => new { s.UnitId, s.AsAt, s.Source }).IsUnique();
        snapshot.Property(s => s.PublishedName).HasMaxLength(GmppSnapshot.NameMaxLength);
        snapshot.Property(s => s.PublishedDepartment).HasMaxLength(GmppSnapshot.NameMaxLength);
        snapshot.Property(s => s.PublishedCategory).HasMaxLength(GmppSnapshot.NameMaxLength);
        snapshot.Property(s => s.FinancialYear).HasMaxLength(7);
        snapshot.Property(s => s.FileDigest).HasMaxLength(64);
        foreach (var text in new[] { nameof(GmppSnapshot.Description), nameof(GmppSnapshot.DcaCommentary), nameof(GmppSnapshot.ScheduleNarrative),
            nameof(GmppSnapshot.VarianceNarrative), nameof(GmppSnapshot.WholeLifeCostNarrative), nameof(GmppSnapshot.BenefitsNarrative) })
        {
            snapshot.Property<string?>(text).HasMaxLength(GmppSnapshot.TextMaxLength);
        }

        // £ millions as published, every digit kept (the 2014 file has 297.3503299): no precision is set, so
        // PostgreSQL's numeric and SQLite's text keep the value as read, and the same file read again is unchanged.
    }
}
