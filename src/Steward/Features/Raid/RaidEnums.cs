namespace Steward.Features.Raid;

public enum RiskStatus
{
    Open,
    Closed,
    Realised,
}

// The guidance's responses: the first five for threats, exploit and enhance (and share, accept) for opportunities.
public enum RiskResponse
{
    Avoid,
    Reduce,
    Transfer,
    Share,
    Accept,
    Exploit,
    Enhance,
}

public enum IssuePriority
{
    Critical,
    High,
    Medium,
    Low,
}

public enum IssueStatus
{
    Open,
    Resolved,
    Closed,
}
