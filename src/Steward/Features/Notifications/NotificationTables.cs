using Microsoft.EntityFrameworkCore;
using Steward.Features.Notifications;

namespace Steward.Data;

// Reminders and the inbox: this service's part of the one model. Operational records, not PMO records,
// so none is in the history.
public abstract partial class StewardDbContext
{
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<DigestDay> DigestDays => Set<DigestDay>();
    public DbSet<ItemToldOf> ItemsToldOf => Set<ItemToldOf>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<NewsItem> NewsItems => Set<NewsItem>();
    public DbSet<NewsMark> NewsMarks => Set<NewsMark>();
}
