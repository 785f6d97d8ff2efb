using Steward.Features.People;

namespace Steward.Features.Raid;

// A risk looked at in a RAID review: when, by whom, what was said, and when it is next due. Recording one
// moves the risk's next review date without editing the rest of it; reviews are kept, newest first, as the
// risk's review log.
public sealed class RiskReview
{
    public const int CommentMaxLength = 2000;

    public Guid Id { get; set; }
    public Guid RiskId { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public Guid? ReviewedById { get; set; }
    public Person? ReviewedBy { get; set; }
    public required string Comment { get; set; }
    public DateOnly? NextReviewDate { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed record RiskReviewInput(string? Comment, DateOnly? NextReviewDate);

public sealed record RiskReviewView(Guid Id, DateOnly ReviewedOn, PersonRef? ReviewedBy, string Comment, DateOnly? NextReviewDate, DateTime CreatedAt);
