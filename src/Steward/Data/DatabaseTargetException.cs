namespace Steward.Data;

public sealed class DatabaseTargetException(string message) : Exception(message);
