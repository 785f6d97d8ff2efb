namespace Steward.Infrastructure;

// A setting that cannot work as given: the message names the setting and what is wrong with it.
public sealed class ConfigurationException(string message) : Exception(message);
