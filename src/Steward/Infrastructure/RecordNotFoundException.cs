namespace Steward.Infrastructure;

public sealed class RecordNotFoundException(string kind, string reference)
    : Exception($"No {kind} has the reference '{reference}'.")
{
    public string Kind { get; } = kind;
    public string Reference { get; } = reference;
}
