using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.Accounts;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Features.Governance;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> board)
    {
        board.ToTable("boards");
        board.Property(b => b.Name).HasMaxLength(Board.NameMaxLength);
        board.Property(b => b.TermsOfReference).HasMaxLength(Board.TermsMaxLength);
        board.HasIndex(b => new { b.UnitId, b.Name }).IsUnique();
        board.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BoardMemberConfiguration : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> member)
    {
        member.ToTable("board_members");
        member.HasIndex(m => new { m.BoardId, m.PersonId }).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.ToTable("meetings");
        meeting.Property(m => m.Location).HasMaxLength(Meeting.LocationMaxLength);
        meeting.Property(m => m.Minutes).HasMaxLength(Meeting.MinutesMaxLength);
        meeting.HasIndex(m => new { m.BoardId, m.StartsAt });
        meeting.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> attendee)
    {
        attendee.ToTable("meeting_attendees");
        attendee.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique();
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> item)
    {
        item.ToTable("agenda_items");
        item.Property(a => a.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        item.HasIndex(a => new { a.MeetingId, a.Position });
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.ToTable("decisions");
        decision.Property(d => d.Title).HasMaxLength(Decision.TitleMaxLength);
        decision.Property(d => d.Rationale).HasMaxLength(Decision.TextMaxLength);
        decision.Property(d => d.OptionsConsidered).HasMaxLength(Decision.TextMaxLength);
        decision.HasIndex(d => new { d.UnitId, d.DecidedOn });
        decision.HasMany(d => d.Links).WithOne().HasForeignKey(l => l.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionLinkConfiguration : IEntityTypeConfiguration<DecisionLink>
{
    public void Configure(EntityTypeBuilder<DecisionLink> link)
    {
        link.ToTable("decision_links");
        link.Property(l => l.Reference).HasMaxLength(20);
        link.HasIndex(l => new { l.DecisionId, l.ItemId }).IsUnique();
        link.HasIndex(l => l.ItemId);
        link.HasOne<DeliveryUnit>().WithMany().HasForeignKey(l => l.UnitId);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> action)
    {
        action.ToTable("actions");
        action.Property(a => a.Description).HasMaxLength(ActionItem.DescriptionMaxLength);
        action.Property(a => a.Progress).HasMaxLength(ActionItem.DescriptionMaxLength);
        // The log's commonest questions: open actions of a unit falling due, and a risk's mitigations.
        action.HasIndex(a => new { a.UnitId, a.Status, a.DueOn });
        // "Your work" and reminders: a person's open actions.
        action.HasIndex(a => new { a.OwnerId, a.Status, a.DueOn });
        action.HasIndex(a => a.RiskId);
        action.HasIndex(a => a.IssueId);
        action.HasIndex(a => a.MeetingId);
        action.HasIndex(a => a.DecisionId);
    }
}

internal sealed class ActionProgressUpdateConfiguration : IEntityTypeConfiguration<ActionProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ActionProgressUpdate> update)
    {
        update.ToTable("action_progress_updates");
        update.Property(u => u.Text).HasMaxLength(ActionProgressUpdate.TextMaxLength);
        update.HasOne<ActionItem>().WithMany().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
        update.HasIndex(u => new { u.ActionId, u.CreatedAt });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> feed)
    {
        feed.ToTable("calendar_feeds");
        feed.Property(f => f.Prefix).HasMaxLength(16);
        feed.Property(f => f.SecretHash).HasMaxLength(64).HasAnnotation(HistoryAnnotations.Hidden, true);
        feed.HasIndex(f => f.SecretHash).IsUnique();
        feed.HasIndex(f => new { f.UserId, f.UnitId });
        feed.HasOne<StewardUser>().WithMany().HasForeignKey(f => f.UserId);
    }
}
