namespace Steward.Infrastructure;

// The request is well formed but the record's present state forbids it (closing a unit with open children).
public sealed class RecordStateConflictException(string message) : Exception(message);
