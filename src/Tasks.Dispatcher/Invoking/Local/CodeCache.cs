using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Tasks.Domain.Functions;
using Tasks.Projections.Code;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>
/// Code packages unpacked on disk, once per SHA-256: <c>&lt;root&gt;/&lt;sha256&gt;/</c>. A package is unpacked into a
/// private temporary directory and renamed into place, so a code directory that exists is complete; concurrent requests
/// in this process share one unpacking, and processes racing on the same root keep whichever rename wins.
/// </summary>
internal sealed class CodeCache(FunctionCodeStore store, string root, long maxUnpackedBytes, ILogger logger)
{
    // Process-wide, keyed by the code directory: invokers sharing a root share their unpacking too.
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Unpacking = new(StringComparer.Ordinal);

    /// <summary>The directory holding <paramref name="code"/>, unpacked.</summary>
    /// <exception cref="InvocationRefusedException">The package is missing from the store or unusable.</exception>
    public async Task<string> DirectoryForAsync(CodeReference code, CancellationToken cancellationToken)
    {
        if (!IsSha256Hex(code.Sha256Hex))
        {
            throw InvocationRefusedException.CodeInvalid($"The code reference '{code.Sha256Hex}' is not a SHA-256 in lowercase hex.");
        }

        var directory = Path.Combine(root, code.Sha256Hex);
        if (Directory.Exists(directory))
        {
            return directory;
        }

        var unpacking = Unpacking.GetOrAdd(directory, key => new Lazy<Task<string>>(() => UnpackOnceAsync(code.Sha256Hex, key)));

        // One caller's cancellation must not abandon the unpacking others wait for.
        return await unpacking.Value.WaitAsync(cancellationToken);
    }

    private async Task<string> UnpackOnceAsync(string sha256Hex, string directory)
    {
        try
        {
            return await UnpackAsync(sha256Hex, directory);
        }
        finally
        {
            // Done either way: success left the directory in place; a failure is tried afresh next time.
            Unpacking.TryRemove(directory, out _);
        }
    }

    private async Task<string> UnpackAsync(string sha256Hex, string directory)
    {
        var package = await store.ReadAsync(sha256Hex, CancellationToken.None)
            ?? throw new InvocationRefusedException(LocalInvocationErrors.FunctionCodeMissing, "FunctionCodeMissing", $"The code package {sha256Hex} is not in the code store.");
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(package)), sha256Hex, StringComparison.Ordinal))
        {
            throw InvocationRefusedException.CodeInvalid($"The stored code package {sha256Hex} does not match its SHA-256.");
        }

        Directory.CreateDirectory(root);
        var staging = Path.Combine(root, $".unpacking-{sha256Hex[..16]}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            SafeZip.ExtractTo(package, staging, maxUnpackedBytes);
            LocalInvokerLog.CodeUnpacked(logger, sha256Hex, package.LongLength, directory);
            try
            {
                Directory.Move(staging, directory);
            }
            catch (IOException) when (Directory.Exists(directory))
            {
                // Another process renamed its complete copy first: use that one.
            }

            return directory;
        }
        catch (InvocationRefusedException e)
        {
            LocalInvokerLog.CodeRefused(logger, sha256Hex, e.Message);
            throw;
        }
        catch (IOException e)
        {
            throw InvocationRefusedException.CodeInvalid($"The code package {sha256Hex} could not be unpacked: {e.Message}", e);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover staging directory is harmless: its name never matches a code directory.
        }
    }

    private static bool IsSha256Hex(string value) =>
        value.Length == 64 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
