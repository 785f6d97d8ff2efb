namespace Steward.Tests.Infrastructure;

// The real public files in shared/data, beside the repository (never copied into it). CI lays shared/
// beside its clone, so a missing folder fails there; elsewhere STEWARD_SHARED_DATA can point at it.
public static class SharedData
{
    public static string PathTo(string relative)
    {
        var root = Environment.GetEnvironmentVariable("STEWARD_SHARED_DATA") ?? FindBesideRepository()
            ?? throw new InvalidOperationException("shared/data was not found beside the repository; set STEWARD_SHARED_DATA to its folder.");
        var path = Path.Combine(root, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relative} is not in {root}", path);
    }

    private static string? FindBesideRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
            {
                var data = Path.Combine(dir.FullName, "..", "shared", "data");
                return Directory.Exists(data) ? Path.GetFullPath(data) : null;
            }
        }

        return null;
    }
}
