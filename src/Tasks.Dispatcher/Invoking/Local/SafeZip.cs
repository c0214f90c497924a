using System.IO.Compression;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>Unpacks a code zip without letting any entry land outside the destination (zip-slip) or exceed a size budget.</summary>
internal static class SafeZip
{
    /// <summary>Unpacks <paramref name="package"/> into the (new, empty) directory <paramref name="destination"/>.</summary>
    /// <exception cref="InvocationRefusedException">The package is not a zip, escapes its root, or is too large unpacked.</exception>
    public static void ExtractTo(byte[] package, string destination, long maxUnpackedBytes)
    {
        var root = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                // Zips written on Windows may separate with '\': treat it as a separator, never as part of a name.
                var name = entry.FullName.Replace('\\', '/');
                if (name.Length == 0)
                {
                    continue;
                }

                var target = Path.GetFullPath(Path.Combine(root, name));
                if (name.Contains('\0', StringComparison.Ordinal) || !target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw InvocationRefusedException.CodeInvalid($"The code package's entry '{entry.FullName}' would be unpacked outside the code directory; the package is refused.");
                }

                if (name.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                total += Copy(entry, target, maxUnpackedBytes - total);
            }
        }
        catch (InvalidDataException e)
        {
            throw InvocationRefusedException.CodeInvalid($"The code package is not a valid zip: {e.Message}", e);
        }
    }

    private static long Copy(ZipArchiveEntry entry, string target, long budget)
    {
        using var input = entry.Open();
        using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None);
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            copied += read;
            if (copied > budget)
            {
                throw InvocationRefusedException.CodeInvalid("The code package is too large once unpacked.");
            }

            output.Write(buffer, 0, read);
        }

        return copied;
    }
}
