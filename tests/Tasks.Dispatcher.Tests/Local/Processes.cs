namespace Tasks.Dispatcher.Tests.Local;

/// <summary>Whether a process still runs (a zombie awaiting its reaper does not).</summary>
public static class Processes
{
    public static bool IsRunning(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            // "pid (comm) S …": the state follows the last ')'.
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits briefly for <paramref name="processId"/> to be gone (a killed process takes a moment to die).</summary>
    public static async Task<bool> IsGoneAsync(int processId)
    {
        for (var i = 0; i < 50 && IsRunning(processId); i++)
        {
            await Task.Delay(20);
        }

        return !IsRunning(processId);
    }
}
