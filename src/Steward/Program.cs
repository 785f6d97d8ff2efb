using Steward.Cli;

return await StewardCommandLine.RunAsync(args);

// Visible to WebApplicationFactory<Program> in the tests.
public partial class Program;
