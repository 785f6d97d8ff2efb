using Microsoft.EntityFrameworkCore;
using Steward.Features.Gmpp;

namespace Steward.Data;

// The tables of the Government Major Projects Portfolio: this service's part of the one model.
public abstract partial class StewardDbContext
{
    public DbSet<GmppMembership> GmppMemberships => Set<GmppMembership>();
    public DbSet<GmppSnapshot> GmppSnapshots => Set<GmppSnapshot>();
}
