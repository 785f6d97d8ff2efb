using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.History;
using Steward.Features.People;

namespace Steward.Features.Accounts;

internal sealed class StewardUserConfiguration : IEntityTypeConfiguration<StewardUser>
{
    public void Configure(EntityTypeBuilder<StewardUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(StewardUser.DisplayNameMaxLength);
        user.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId);

        // Secrets are never copied into the history; that they changed is still recorded.
        foreach (var secret in new[] { nameof(StewardUser.PasswordHash), nameof(StewardUser.SecurityStamp), nameof(StewardUser.ConcurrencyStamp) })
        {
            user.Property(secret).HasAnnotation(HistoryAnnotations.Hidden, true);
        }
    }
}
