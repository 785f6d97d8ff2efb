using Steward.Features.People;

namespace Steward.Features.Governance;

// One dated word on how an action is going: who wrote it and when. An action's progress is the list of
// these, newest first, so an update never overwrites the one before; the action keeps the latest as its
// Progress for the log's table and its exports.
public sealed class ActionProgressUpdate
{
    public const int TextMaxLength = ActionItem.DescriptionMaxLength;

    public Guid Id { get; set; }
    public Guid ActionId { get; set; }
    public DateOnly WrittenOn { get; set; }
    public Guid? WrittenById { get; set; }
    public Person? WrittenBy { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed record ActionProgressInput(string? Text);

public sealed record ActionProgressView(Guid Id, DateOnly WrittenOn, PersonRef? WrittenBy, string Text, DateTime CreatedAt);
