namespace Steward.Tests.Infrastructure;

// The real public files in shared/data, beside the repository (never copied into it). CI lays shared/
// beside its clone, so a missing folder fails there (CI=true); in a plain clone the tests that read it
// are skipped, saying which folder they wanted and how to point them at it.
public static class SharedData
{
    public static string PathTo(string relative)
    {
        var root = Environment.GetEnvironmentVariable("STEWARD_SHARED_DATA") ?? FindBesideRepository();
        if (root is null || !Directory.Exists(root))
        {
            var why = $"The real files in shared/data ({root ?? "../shared/data beside the repository"}) are not here; set STEWARD_SHARED_DATA to that folder to run this test.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true needs them: {why}");
            }

            Assert.Skip(why);
        }

        var path = Path.Combine(root, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relative} is not in {root}", path);
    }

    private static string? FindBesideRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        return null;
    }
}
