using System.Text;
using System.Text.Json;
using Tasks.Dispatcher.Invoking.Local;
using Tasks.Domain.Functions;
using Tasks.Projections.Code;
using static Tasks.Dispatcher.Tests.Local.LocalRuntimeHarness;

namespace Tasks.Dispatcher.Tests.Local;

public sealed class CodeCacheTests : IAsyncLifetime
{
    private LocalRuntimeHarness harness = null!;

    public async Task InitializeAsync() => harness = await LocalRuntimeHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Concurrent_invocations_of_the_same_code_unpack_it_once_and_all_run_from_one_directory()
    {
        var code = await harness.StoreCodeAsync(
            ("index.mjs", "import { statSync } from 'node:fs'; export const handler = async (event) => ({ n: event.data.n, root: process.env.LAMBDA_TASK_ROOT, inode: statSync(new URL(import.meta.url)).ino });"),
            ("assets/big.txt", new string('a', 2_000_000)));
        var other = harness.CreateInvoker();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(n =>
            (n % 2 == 0 ? harness.Invoker : other).InvokeAsync(Request(Function(code), $$$"""{"data":{"n":{{{n}}}},"task":{"id":"x"}}"""), CancellationToken.None)));

        var results = outcomes.Select(o => JsonDocument.Parse(Outcomes.Succeeded(o).ResultJson!).RootElement).ToList();
        Assert.Equal(Enumerable.Range(0, 8), results.Select(r => r.GetProperty("n").GetInt32()));
        Assert.Single(results.Select(r => r.GetProperty("inode").GetInt64()).Distinct());
        Assert.Equal(Path.Combine(harness.CacheRoot, code.Sha256Hex), Assert.Single(results.Select(r => r.GetProperty("root").GetString()).Distinct()));
        Assert.Equal(1, harness.Log.Count("CodeUnpacked"));
        Assert.Equal([code.Sha256Hex], harness.CodeDirectories());
        Assert.Empty(harness.StagingDirectories());
    }

    [Fact]
    public async Task Later_invocations_reuse_the_unpacked_code_without_unpacking_again()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", "export const handler = async () => 1;"));

        Outcomes.Succeeded(await harness.InvokeAsync(Function(code)));
        Outcomes.Succeeded(await harness.InvokeAsync(Function(code)));

        Assert.Equal(1, harness.Log.Count("CodeUnpacked"));
    }

    [Fact]
    public async Task A_zip_entry_escaping_the_code_directory_is_refused_and_nothing_is_written_outside()
    {
        var package = Zip(("index.mjs", "export const handler = async () => 1;"), ("../escaped.mjs", "export const evil = 1;"));
        var code = await harness.StoreAsync(package);

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code)), LocalInvocationErrors.FunctionCodeInvalid);

        Assert.Contains("../escaped.mjs", failed.Error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(harness.CacheRoot, "escaped.mjs")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(harness.CacheRoot)!, "escaped.mjs")));
        Assert.Empty(harness.CodeDirectories());
        Assert.Empty(harness.StagingDirectories());
    }

    [Fact]
    public async Task An_absolute_zip_entry_is_refused()
    {
        var target = Path.Combine(Path.GetTempPath(), $"tasks-zip-slip-{Guid.NewGuid():N}.js");
        var code = await harness.StoreAsync(Zip(("index.mjs", "export const handler = async () => 1;"), (target, "pwned")));

        Outcomes.Failed(await harness.InvokeAsync(Function(code)), LocalInvocationErrors.FunctionCodeInvalid);

        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_package_that_is_not_a_zip_is_refused()
    {
        var code = await harness.StoreAsync(Encoding.UTF8.GetBytes("definitely not a zip"));

        Outcomes.Failed(await harness.InvokeAsync(Function(code)), LocalInvocationErrors.FunctionCodeInvalid);
    }

    [Fact]
    public async Task A_package_larger_than_the_unpacked_limit_is_refused()
    {
        var invoker = harness.CreateInvoker(new LocalRuntimeOptions(harness.CacheRoot) { MaxUnpackedBytes = 1_000 });
        var code = await harness.StoreCodeAsync(("index.mjs", "export const handler = async () => 1;"), ("data.txt", new string('z', 5_000)));

        var outcome = await invoker.InvokeAsync(Request(Function(code)), CancellationToken.None);

        Assert.Contains("too large", Outcomes.Failed(outcome, LocalInvocationErrors.FunctionCodeInvalid).Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_without_code_fails_with_function_code_missing()
    {
        Outcomes.Failed(await harness.InvokeAsync(Function(code: null)), LocalInvocationErrors.FunctionCodeMissing);
    }

    [Fact]
    public async Task A_code_reference_absent_from_the_store_fails_with_function_code_missing()
    {
        var reference = FunctionCodeStore.ReferenceOf(Zip(("index.mjs", "export const handler = async () => 1;")));

        Outcomes.Failed(await harness.InvokeAsync(Function(reference)), LocalInvocationErrors.FunctionCodeMissing);
    }

    [Fact]
    public async Task A_stored_package_whose_bytes_do_not_match_its_hash_is_refused()
    {
        var package = Zip(("index.mjs", "export const handler = async () => 1;"));
        var claimed = new CodeReference(new string('0', 64), package.Length);
        await using (var batch = harness.DataSource.CreateBatch())
        {
            batch.BatchCommands.Add(FunctionCodeStore.StoreStatement(claimed, package));
            await batch.ExecuteNonQueryAsync();
        }

        Outcomes.Failed(await harness.InvokeAsync(Function(claimed)), LocalInvocationErrors.FunctionCodeInvalid);
        Assert.Empty(harness.CodeDirectories());
    }
}
