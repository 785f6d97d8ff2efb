using Microsoft.EntityFrameworkCore;
using Steward.Features.History.Digests;

namespace Steward.Data;

// The database's own copies of history digests: this part of History's tables.
public abstract partial class StewardDbContext
{
    public DbSet<StoredDigest> HistoryDigests => Set<StoredDigest>();
    public DbSet<StoredChainHead> DigestHeads => Set<StoredChainHead>();
}
