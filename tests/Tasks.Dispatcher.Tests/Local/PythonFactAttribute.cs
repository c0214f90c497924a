namespace Tasks.Dispatcher.Tests.Local;

/// <summary>A fact that needs <c>python3</c>: reported as skipped, with the reason, on a machine without it.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (!IsInstalled)
        {
            Skip = "python3 is not installed on this machine (not on PATH), so the local runtime cannot run python3* functions here.";
        }
    }

    public static bool IsInstalled { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, "python3")));
}
