using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
        person.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
        person.HasIndex(p => p.Email).IsUnique();
        person.HasIndex(p => p.Name);
        person.Property(p => p.RoleTitle).HasMaxLength(Person.RoleTitleMaxLength);
    }
}
