using Microsoft.EntityFrameworkCore;
using Steward.Features.Governance;

namespace Steward.Data;

// The tables of governance: this service's part of the one model.
public abstract partial class StewardDbContext
{
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<ActionProgressUpdate> ActionProgressUpdates => Set<ActionProgressUpdate>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
}
