using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Tasks.TestSupport.RabbitMq;

/// <summary>
/// One RabbitMQ broker per test process: the one named by <c>ConnectionStrings__RabbitMq</c> (an amqp URI; its
/// management API at <c>RabbitMq__ManagementUrl</c>, default <c>http://host:15672</c>, creates the virtual hosts),
/// or else a throwaway node of the installed RabbitMQ in a temporary directory on free ports, killed when the test
/// process exits. Tests never share a virtual host: each asks for its own with <see cref="CreateVirtualHostAsync"/>.
/// </summary>
public sealed class RabbitMqServer
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    private static readonly Lazy<Task<RabbitMqServer>> Shared = new(StartAsync);
    private readonly Uri baseUri;
    private readonly LocalNode? node;
    private readonly Uri? managementUrl;
    private int vhostCounter;

    private RabbitMqServer(Uri baseUri, LocalNode? node, Uri? managementUrl)
    {
        this.baseUri = baseUri;
        this.node = node;
        this.managementUrl = managementUrl;
    }

    /// <summary>The broker shared by every test of this process, started on first use.</summary>
    public static Task<RabbitMqServer> InstanceAsync() => Shared.Value;

    /// <summary>Whether this is a throwaway node this process started (and so may stop and restart).</summary>
    public bool IsThrowaway => node is not null;

    /// <summary>The broker's URI on its default virtual host.</summary>
    public Uri BaseUri => baseUri;

    /// <summary>Creates a fresh virtual host with full permissions for the URI's user and returns an amqp URI for it.</summary>
    public async Task<string> CreateVirtualHostAsync(string? prefix = null)
    {
        var name = $"{prefix ?? "t"}_{Environment.ProcessId}_{Interlocked.Increment(ref vhostCounter)}_{Guid.NewGuid():N}"[..40];
        var (user, _) = Credentials();
        if (node is not null)
        {
            await node.ControlAsync($"add_vhost {name}");
            await node.ControlAsync($"set_permissions -p {name} {user} \".*\" \".*\" \".*\"");
        }
        else
        {
            using var http = ManagementClient();
            (await http.PutAsync($"api/vhosts/{Uri.EscapeDataString(name)}", null)).EnsureSuccessStatusCode();
            (await http.PutAsJsonAsync($"api/permissions/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        }

        return new UriBuilder(baseUri) { Path = "/" + Uri.EscapeDataString(name) }.Uri.ToString();
    }

    /// <summary>
    /// A queue's messages as the broker counts them: ready for delivery, and delivered but not yet acknowledged.
    /// <paramref name="vhostUri"/> is a URI from <see cref="CreateVirtualHostAsync"/>. Null when the queue does not exist.
    /// </summary>
    public async Task<QueueCounts?> QueueCountsAsync(string vhostUri, string queue)
    {
        var vhost = Uri.UnescapeDataString(new Uri(vhostUri).AbsolutePath.TrimStart('/'));
        if (node is not null)
        {
            var output = await node.ControlAsync($"list_queues -q --no-table-headers -p {vhost} name messages_ready messages_unacknowledged");
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var fields = line.Split('\t');
                if (fields.Length == 3 && fields[0] == queue)
                {
                    return new QueueCounts(long.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture));
                }
            }

            return null;
        }

        using var http = ManagementClient();
        using var response = await http.GetAsync($"api/queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        long Count(string property) => document.RootElement.TryGetProperty(property, out var value) ? value.GetInt64() : 0;
        return new QueueCounts(Count("messages_ready"), Count("messages_unacknowledged"));
    }

    /// <summary>Stops the throwaway node (every client connection drops); its queues and messages stay on disk.</summary>
    public Task StopNodeAsync() => RequireNode().StopAsync();

    /// <summary>Starts the throwaway node again on the same port and data, and waits until it accepts connections.</summary>
    public Task StartNodeAsync() => RequireNode().StartAsync();

    /// <summary>
    /// Restarts the throwaway node: a full stop of the Erlang node (<c>rabbitmqctl stop</c>: connections drop, the port
    /// closes) and a new start on the same data directory, so durable queues and persistent messages come back.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopNodeAsync();
        await StartNodeAsync();
    }

    private LocalNode RequireNode() =>
        node ?? throw new InvalidOperationException("only a throwaway RabbitMQ node started by the tests can be stopped or restarted; unset ConnectionStrings__RabbitMq to use one");

    private (string User, string Password) Credentials()
    {
        var info = baseUri.UserInfo.Split(':', 2);
        var user = info.Length > 0 && info[0].Length > 0 ? Uri.UnescapeDataString(info[0]) : "guest";
        var password = info.Length > 1 ? Uri.UnescapeDataString(info[1]) : "guest";
        return (user, password);
    }

    private HttpClient ManagementClient()
    {
        var (user, password) = Credentials();
        var http = new HttpClient { BaseAddress = managementUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    private static async Task<RabbitMqServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var uri = new Uri(configured);
            var management = Environment.GetEnvironmentVariable("RabbitMq__ManagementUrl") is { Length: > 0 } m ? m : $"http://{uri.Host}:15672/";
            return new RabbitMqServer(new UriBuilder(uri) { Path = "/" }.Uri, null, new Uri(management.EndsWith('/') ? management : management + "/"));
        }

        if (!File.Exists(ServerScript) || !File.Exists(ControlScript))
        {
            throw new InvalidOperationException($"RabbitMQ server not found ({ServerScript}): run scripts/setup.sh, or set ConnectionStrings__RabbitMq to a broker.");
        }

        var local = await LocalNode.CreateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => local.Kill();
        return new RabbitMqServer(new Uri($"amqp://guest:guest@127.0.0.1:{local.Port}/"), local, null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A RabbitMQ node of our own: its name, directory (data, logs, config, Erlang cookie) and ports.</summary>
    private sealed class LocalNode
    {
        private readonly string directory;
        private readonly string name;
        private readonly int distributionPort;
        private Process? process;

        private LocalNode(string directory, string name, int port, int distributionPort)
        {
            this.directory = directory;
            this.name = name;
            Port = port;
            this.distributionPort = distributionPort;
        }

        public int Port { get; }

        public static async Task<LocalNode> CreateAsync()
        {
            SweepNodesOfEndedProcesses();
            var id = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20];
            var directory = Path.Combine(Path.GetTempPath(), $"tasks-rabbitmq-{id}");
            Directory.CreateDirectory(directory);
            var node = new LocalNode(directory, $"tasks-{id}@localhost", FreePort(), FreePort());
            await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"), $"listeners.tcp.default = 127.0.0.1:{node.Port}\nloopback_users = none\n");
            await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].\n");
            await node.StartAsync();
            return node;
        }

        // A test host that is killed (not exited) never runs its exit handler, and its node would live on: before
        // starting one, stop the nodes whose test process is gone. A node's directory names its process.
        private static void SweepNodesOfEndedProcesses()
        {
            foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), "tasks-rabbitmq-*"))
            {
                var owner = Path.GetFileName(stale)["tasks-rabbitmq-".Length..].Split('-')[0];
                if (!int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Directory.Exists($"/proc/{pid}"))
                {
                    continue;
                }

                foreach (var beam in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(p => p!.All(char.IsAsciiDigit)))
                {
                    try
                    {
                        var commandLine = File.ReadAllText($"/proc/{beam}/cmdline").Replace('\0', ' ');
                        if (commandLine.Contains("beam", StringComparison.Ordinal) && commandLine.Contains($"-home {stale} ", StringComparison.Ordinal))
                        {
                            using var process = Process.GetProcessById(int.Parse(beam!, CultureInfo.InvariantCulture));
                            process.Kill(entireProcessTree: true);
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                    {
                        // Gone meanwhile, or not ours to read.
                    }
                }

                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Best effort: a leftover directory is harmless.
                }
            }
        }

        public async Task StartAsync()
        {
            var start = new ProcessStartInfo("/bin/sh")
            {
                // The console output goes to a file: nobody reads a pipe for the node's lifetime.
                ArgumentList = { "-c", $"exec {ServerScript} >>'{Path.Combine(directory, "console.log")}' 2>&1" },
                WorkingDirectory = directory,
                UseShellExecute = false,
            };
            SetEnvironment(start);
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ServerScript}");
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!await AcceptsAsync())
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    var log = File.Exists(Path.Combine(directory, "console.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "console.log")) : "";
                    Kill();
                    throw new InvalidOperationException($"RabbitMQ node {name} did not start (exited: {process.HasExited}); console:\n{log[Math.Max(0, log.Length - 4000)..]}");
                }

                await Task.Delay(250);
            }

            // The listener opens late in the boot; await_startup makes sure the node is fully up for rabbitmqctl.
            await ControlAsync("await_startup");
        }

        public async Task StopAsync()
        {
            await ControlAsync("stop");
            if (process is { } running)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await running.WaitForExitAsync(timeout.Token);
                running.Dispose();
                process = null;
            }
        }

        public async Task<string> ControlAsync(string arguments)
        {
            var start = new ProcessStartInfo("/bin/sh")
            {
                ArgumentList = { "-c", $"exec {ControlScript} -n {name} {arguments}" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            SetEnvironment(start);
            using var control = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ControlScript}");
            var stdout = control.StandardOutput.ReadToEndAsync();
            var stderr = control.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await control.WaitForExitAsync(timeout.Token);
            if (control.ExitCode != 0)
            {
                throw new InvalidOperationException($"rabbitmqctl {arguments} exited with {control.ExitCode}: {await stdout}{await stderr}");
            }

            return await stdout;
        }

        public void Kill()
        {
            try
            {
                if (process is { HasExited: false } running)
                {
                    running.Kill(entireProcessTree: true);
                    running.WaitForExit(10_000);
                }

                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                // Best effort at process exit: a leftover temporary directory is harmless.
            }
        }

        private void SetEnvironment(ProcessStartInfo start)
        {
            start.Environment["RABBITMQ_NODENAME"] = name;
            start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
            start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
            start.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq");
            start.Environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture);
            start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
            start.Environment["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid");
            // The Erlang cookie lives in HOME: the node and rabbitmqctl must see the same one.
            start.Environment["HOME"] = directory;
        }

        private async Task<bool> AcceptsAsync()
        {
            try
            {
                using var client = new TcpClient();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                return true;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return false;
            }
        }
    }
}

/// <summary>A queue's messages as the broker counts them.</summary>
/// <param name="Ready">Waiting for delivery.</param>
/// <param name="Unacknowledged">Delivered to a consumer and not yet acknowledged.</param>
public sealed record QueueCounts(long Ready, long Unacknowledged);
