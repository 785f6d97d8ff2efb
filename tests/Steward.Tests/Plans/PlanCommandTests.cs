using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

// steward plan schedule, through the real command line: a Microsoft Project file scheduled and checked
// against the dates Microsoft Project saved in it; files that are not plans refused in one line.
public sealed class PlanCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("mspdi/task-links-project2010-mspdi.xml")]
    [InlineData("mspdi/task-links-project2016-mspdi.xml")]
    public async Task AMicrosoftProjectFile_IsScheduled_AsMicrosoftProjectDid(string file)
    {
        var run = await StewardProcess.RunAsync("plan", "schedule", "--file", SharedData.PathTo(file), "--compare");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Every one of 17 tasks matches the dates, slack and critical flag Microsoft Project saved.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Critical path: Task 1 (9) → Task 2 (10)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithADtd_OrNotAPlan_OrMissing_IsRefused()
    {
        var dtd = Path.Combine(Path.GetTempPath(), $"dtd-{Guid.NewGuid():N}.xml");
        var notPlan = Path.Combine(Path.GetTempPath(), $"not-plan-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(dtd, "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Project xmlns=\"http://schemas.microsoft.com/project\"><Name>&x;</Name></Project>", Ct);
        await File.WriteAllTextAsync(notPlan, "<html><body>hello</body></html>", Ct);
        try
        {
            var refused = await StewardProcess.RunAsync("plan", "schedule", "--file", dtd);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("declares a DTD", refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", refused.Output + refused.Error, StringComparison.Ordinal);

            var wrong = await StewardProcess.RunAsync("plan", "schedule", "--file", notPlan);
            Assert.Equal(1, wrong.ExitCode);
            Assert.Contains("not a Microsoft Project XML file", wrong.Error, StringComparison.Ordinal);

            var missing = await StewardProcess.RunAsync("plan", "schedule", "--file", "/nowhere/plan.xml");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("no file at /nowhere/plan.xml", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(dtd);
            File.Delete(notPlan);
        }
    }
}
