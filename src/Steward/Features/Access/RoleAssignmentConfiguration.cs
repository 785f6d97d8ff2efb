using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Access;

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> assignment)
    {
        assignment.ToTable("role_assignments");
        // Who holds what is read on every request (cached) and on every unit page.
        assignment.HasIndex(a => new { a.PersonId, a.RevokedAt });
        assignment.HasIndex(a => new { a.UnitId, a.RevokedAt });
    }
}
