namespace Steward.Infrastructure;

// Someone else changed the record since the caller read it: the caller's version is out of date.
public sealed class StaleVersionException(string reference, int expected, int actual)
    : Exception($"'{reference}' has been changed by someone else since you read it (you had version {expected}; it is now version {actual}).")
{
    public int Expected { get; } = expected;
    public int Actual { get; } = actual;
}
