namespace Steward.Features.History;

// Who is acting in this scope and through which channel: what the history records and what access
// checks ask about. The web host sets it per request from the signed-in account or API token; the
// command line and start-up jobs act as the operator, who may do anything.
public sealed class ChangeContext
{
    private string? _actor;

    // Worked out only when something is saved: most requests only read.
    public string Actor
    {
        get => _actor ??= DescribeActor?.Invoke() ?? "unknown";
        set => _actor = value;
    }

    public Func<string>? DescribeActor { get; set; }

    public string Channel { get; set; } = ChangeChannel.Job;

    // The account acting, when there is one; its role assignments decide what it may do.
    public Guid? UserId { get; set; }

    // Someone at the server itself (command line, seeding): not limited by roles.
    public bool IsOperator { get; set; }

    // A read-only API token: nothing but reads, whatever the account's roles.
    public bool IsReadOnly { get; set; }

    public void BecomeOperator(string actor, string channel)
    {
        Actor = actor;
        Channel = channel;
        IsOperator = true;
        UserId = null;
        IsReadOnly = false;
    }
}
