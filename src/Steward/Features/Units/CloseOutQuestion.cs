namespace Steward.Features.Units;

// Something a service asks before a unit closes: not a bar to closing but a question whoever closes it
// should answer (who owns each open benefit from now on). Services register theirs; the close page asks them all.
public interface ICloseOutQuestion
{
    Task<CloseOutPrompt?> AskAsync(UnitView unit, CancellationToken ct);
}

// What to say, and where to answer it.
public sealed record CloseOutPrompt(string Text, string LinkText, string Href);
