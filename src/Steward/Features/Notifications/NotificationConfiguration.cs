using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.People;

namespace Steward.Features.Notifications;

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> settings)
    {
        settings.ToTable("notification_settings");
        settings.HasKey(s => s.PersonId);
        settings.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        settings.Property(s => s.Choices).HasMaxLength(4000);
        settings.Property(s => s.EmailRefusedAddress).HasMaxLength(OutgoingEmail.AddressMaxLength);
        settings.Property(s => s.EmailRefusedReason).HasMaxLength(OutgoingEmail.ErrorMaxLength);
        settings.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class DigestDayConfiguration : IEntityTypeConfiguration<DigestDay>
{
    public void Configure(EntityTypeBuilder<DigestDay> day)
    {
        day.ToTable("notification_digest_days");
        day.HasKey(d => new { d.PersonId, d.Day });
        day.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ItemToldOfConfiguration : IEntityTypeConfiguration<ItemToldOf>
{
    public void Configure(EntityTypeBuilder<ItemToldOf> told)
    {
        told.ToTable("notification_items_told");
        told.HasKey(t => new { t.PersonId, t.ItemKey });
        told.Property(t => t.ItemKey).HasMaxLength(60);
        told.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> message)
    {
        message.ToTable("inbox_messages");
        // The inbox lists a person's newest first; the header counts the unread.
        message.HasIndex(m => new { m.PersonId, m.Id });
        message.HasIndex(m => new { m.PersonId, m.ReadAt });
        message.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        message.Property(m => m.Kind).HasMaxLength(60);
        message.Property(m => m.Subject).HasMaxLength(InboxMessage.SubjectMaxLength);
        message.Property(m => m.Text).HasMaxLength(InboxMessage.TextMaxLength);
        message.Property(m => m.Items).HasMaxLength(InboxMessage.TextMaxLength);
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> email)
    {
        email.ToTable("outgoing_emails");
        // The delivery job asks for what is due to be tried, oldest first.
        email.HasIndex(e => new { e.SentAt, e.GaveUpAt, e.NextAttemptAt });
        email.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
        email.HasOne(e => e.InboxMessage).WithMany().HasForeignKey(e => e.InboxMessageId).OnDelete(DeleteBehavior.Cascade);
        email.Property(e => e.Address).HasMaxLength(OutgoingEmail.AddressMaxLength);
        email.Property(e => e.Subject).HasMaxLength(InboxMessage.SubjectMaxLength);
        email.Property(e => e.Text).HasMaxLength(InboxMessage.TextMaxLength);
        email.Property(e => e.Html).HasMaxLength(InboxMessage.TextMaxLength * 2);
        email.Property(e => e.Kinds).HasMaxLength(1000);
        email.Property(e => e.LastError).HasMaxLength(OutgoingEmail.ErrorMaxLength);
    }
}

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> news)
    {
        news.ToTable("notification_news");
        news.HasIndex(n => new { n.PersonId, n.EventId, n.Kind }).IsUnique();
        // Each run asks for what is still to be told.
        news.HasIndex(n => new { n.ToldAt, n.PersonId });
        news.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        news.Property(n => n.Kind).HasMaxLength(60);
        news.Property(n => n.Reference).HasMaxLength(60);
        news.Property(n => n.Title).HasMaxLength(NewsItem.TextMaxLength);
        news.Property(n => n.Unit).HasMaxLength(400);
        news.Property(n => n.What).HasMaxLength(NewsItem.TextMaxLength);
        news.Property(n => n.Link).HasMaxLength(400);
        // Telling marks it told on condition that it was not yet: a second telling conflicts and sends nothing.
        news.Property(n => n.ToldAt).IsConcurrencyToken();
    }
}

internal sealed class NewsMarkConfiguration : IEntityTypeConfiguration<NewsMark>
{
    public void Configure(EntityTypeBuilder<NewsMark> mark)
    {
        mark.ToTable("notification_news_marks");
        mark.HasKey(m => m.Name);
        mark.Property(m => m.Name).HasMaxLength(60);
        mark.Property(m => m.Version).IsConcurrencyToken();
    }
}
