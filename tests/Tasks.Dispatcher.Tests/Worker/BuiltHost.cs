namespace Tasks.Dispatcher.Tests.Worker;

/// <summary>Finds a host's assembly as the solution built it, in the configuration of this test assembly.</summary>
public static class BuiltHost
{
    public static string Find(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", project, "bin", configuration, "net10.0", project + ".dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{project}.dll was not found: build the solution first (make test does).");
    }
}
