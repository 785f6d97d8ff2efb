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
        board.HasOne(b => b.Unit).WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
        board.HasOne(b => b.Chair).WithMany().HasForeignKey(b => b.ChairId).OnDelete(DeleteBehavior.Restrict);
        board.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Cascade);
        board.Property(b => b.Version).IsConcurrencyToken();
    }
}

internal sealed class BoardMemberConfiguration : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> member)
    {
        member.ToTable("board_members");
        member.HasIndex(m => new { m.BoardId, m.PersonId }).IsUnique();
        member.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
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
        meeting.HasOne(m => m.Board).WithMany().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> attendee)
    {
        attendee.ToTable("meeting_attendees");
        attendee.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique();
        attendee.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        attendee.HasOne(a => a.DeputyFor).WithMany().HasForeignKey(a => a.DeputyForId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> item)
    {
        item.ToTable("agenda_items");
        item.Property(a => a.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        item.HasIndex(a => new { a.MeetingId, a.Position });
        item.HasOne(a => a.Presenter).WithMany().HasForeignKey(a => a.PresenterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.ToTable("decisions");
        decision.HasIndex(d => d.Number).IsUnique();
        decision.Ignore(d => d.Reference);
        decision.Property(d => d.Title).HasMaxLength(Decision.TitleMaxLength);
        decision.Property(d => d.Rationale).HasMaxLength(Decision.TextMaxLength);
        decision.Property(d => d.OptionsConsidered).HasMaxLength(Decision.TextMaxLength);
        decision.HasIndex(d => new { d.UnitId, d.DecidedOn });
        decision.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne(d => d.Board).WithMany().HasForeignKey(d => d.BoardId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne(d => d.Meeting).WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne(d => d.DecidedBy).WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.Restrict);
        decision.HasMany(d => d.Links).WithOne().HasForeignKey(l => l.DecisionId).OnDelete(DeleteBehavior.Cascade);
        decision.Property(d => d.Version).IsConcurrencyToken();
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
        link.HasOne<DeliveryUnit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> action)
    {
        action.ToTable("actions");
        action.HasIndex(a => a.Number).IsUnique();
        action.Ignore(a => a.Reference);
        action.Ignore(a => a.IsOpen);
        action.Property(a => a.Description).HasMaxLength(ActionItem.DescriptionMaxLength);
        action.Property(a => a.Progress).HasMaxLength(ActionItem.DescriptionMaxLength);
        // The log's commonest questions: open actions of a unit falling due, and a risk's mitigations.
        action.HasIndex(a => new { a.UnitId, a.Status, a.DueOn });
        action.HasIndex(a => a.RiskId);
        action.HasIndex(a => a.IssueId);
        action.HasIndex(a => a.MeetingId);
        action.HasIndex(a => a.DecisionId);
        action.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        action.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        action.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        action.HasOne(a => a.Decision).WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
        action.HasOne(a => a.Risk).WithMany().HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Restrict);
        action.HasOne(a => a.Issue).WithMany().HasForeignKey(a => a.IssueId).OnDelete(DeleteBehavior.Restrict);
        action.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class ActionProgressUpdateConfiguration : IEntityTypeConfiguration<ActionProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ActionProgressUpdate> update)
    {
        update.ToTable("action_progress_updates");
        update.Property(u => u.Text).HasMaxLength(ActionProgressUpdate.TextMaxLength);
        update.HasOne<ActionItem>().WithMany().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
        update.HasOne(u => u.WrittenBy).WithMany().HasForeignKey(u => u.WrittenById).OnDelete(DeleteBehavior.Restrict);
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
        feed.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        feed.HasOne<StewardUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
