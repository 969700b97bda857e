using System.Globalization;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// A Redis Cluster on loopback: three masters, one replica each (six redis-server processes with
/// <c>--cluster-enabled yes</c>, each with its own folder, append-only file and <c>nodes.conf</c>), created with
/// <c>redis-cli --cluster create … --cluster-replicas 1</c>. Every wait is bounded; a node that does not come up fails
/// the start with its output.
/// </summary>
/// <remarks>
/// <see cref="FailoverAsync"/> kills a master (SIGKILL) and waits for the cluster to promote its replica, rather than
/// sending <c>CLUSTER FAILOVER</c> to the replica: a manual failover is a coordinated hand-over (the replica first catches up,
/// clients are paused), which an operator never sees unplanned; a crashed master is the failover that happens — the
/// nodes time out (<c>cluster-node-timeout</c>), the replica wins the election, clients get connection errors and then
/// MOVED to the new master, and writes not yet replicated are lost (replication is asynchronous).
/// </remarks>
public sealed class RedisClusterProcess : IRedisDeployment
{
    private const int Masters = 3;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly string _root;
    private readonly List<RedisNode> _nodes;

    private RedisClusterProcess(string root, List<RedisNode> nodes) => (_root, _nodes) = (root, nodes);

    /// <summary>Every node's address, so the client discovers the cluster from whichever answers.</summary>
    public string ConnectionString => string.Join(',', _nodes.Select(n => n.Endpoint)) + ",abortConnect=false,connectTimeout=2000";

    /// <summary>The nodes' ports (masters and replicas; roles change with a failover).</summary>
    public IReadOnlyList<int> Ports => _nodes.Select(n => n.Port).ToList();

    /// <summary>Null when a cluster can be started here; otherwise why not.</summary>
    public static string? WhyUnavailable => RedisNode.WhyUnavailable;

    /// <summary>Starts six nodes, joins them into a cluster and waits (bounded) for <c>cluster_state:ok</c> on every one.</summary>
    public static async Task<RedisClusterProcess> CreateAsync()
    {
        var root = Directory.CreateTempSubdirectory("owc-redis-cluster-").FullName;
        var nodes = Enumerable.Range(0, Masters * 2).Select(i =>
        {
            var directory = Path.Combine(root, "node-" + i.ToString(CultureInfo.InvariantCulture));
            return new RedisNode(directory,
            [
                "--cluster-enabled", "yes", "--cluster-config-file", Path.Combine(directory, "nodes.conf"),
                // Small, so a failover takes seconds; any replica may take over however long it was cut off.
                "--cluster-node-timeout", "1000", "--cluster-replica-validity-factor", "0",
            ]);
        }).ToList();
        var cluster = new RedisClusterProcess(root, nodes);
        try
        {
            await cluster.StartAsync();
            var created = await RedisNode.RunCliAsync(["--cluster", "create", .. nodes.Select(n => n.Endpoint), "--cluster-replicas", "1", "--cluster-yes"]);
            if (created is null || !created.Contains("All 16384 slots covered", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("redis-cli --cluster create failed:\n" + created);
            }

            await cluster.WaitUntilServingAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills every node; what they acknowledged is in their append-only files, the topology in nodes.conf.</summary>
    public async Task StopAsync()
    {
        foreach (var node in _nodes)
        {
            await node.KillAsync();
        }
    }

    /// <summary>Starts every node that is not running from its files and waits (bounded) until the cluster serves.</summary>
    public async Task StartAsync()
    {
        foreach (var node in _nodes.Where(n => !n.IsRunning))
        {
            node.Start();
        }

        foreach (var node in _nodes)
        {
            await WaitAsync(async () => (await node.CliAsync("PING"))?.Trim() == "PONG", $"node {node.Port} to answer PING");
        }

        if (File.Exists(Path.Combine(_nodes[0].Directory, "nodes.conf")) && await _nodes[0].CliAsync("CLUSTER", "INFO") is { } info
            && RedisNode.Field(info, "cluster_known_nodes") != "1")
        {
            await WaitUntilServingAsync(); // not the first start: the nodes know each other
        }
    }

    /// <summary>The cluster as one running node sees it.</summary>
    public async Task<IReadOnlyList<RedisClusterMember>> MembersAsync()
    {
        foreach (var node in _nodes.Where(n => n.IsRunning))
        {
            if (await node.CliAsync("CLUSTER", "NODES") is { } nodes)
            {
                return RedisClusterMember.Parse(nodes);
            }
        }

        throw new InvalidOperationException("No cluster node answers CLUSTER NODES.");
    }

    /// <summary>The hash slot of <paramref name="key"/> (<c>CLUSTER KEYSLOT</c>).</summary>
    public async Task<int> KeySlotAsync(string key)
    {
        var answer = await _nodes.First(n => n.IsRunning).CliAsync("CLUSTER", "KEYSLOT", key);
        return int.Parse(answer?.Trim() ?? throw new InvalidOperationException("CLUSTER KEYSLOT did not answer."), CultureInfo.InvariantCulture);
    }

    /// <summary>The port of the master that serves <paramref name="key"/> now.</summary>
    public async Task<int> MasterOfAsync(string key)
    {
        var slot = await KeySlotAsync(key);
        return (await MembersAsync()).Single(m => !m.HasFailed && m.Serves(slot)).Port;
    }

    /// <summary>Waits (bounded) until every replica has received everything its master has (replication offsets equal).</summary>
    public async Task WaitForReplicationAsync()
    {
        foreach (var master in (await MembersAsync()).Where(m => m.IsMaster && !m.HasFailed))
        {
            var node = _nodes.Single(n => n.Port == master.Port);
            await WaitAsync(async () =>
            {
                var info = await node.CliAsync("INFO", "replication");
                var offset = RedisNode.Field(info, "master_repl_offset");
                var replica = RedisNode.Field(info, "slave0");
                return offset is not null && replica is not null && replica.Contains("state=online", StringComparison.Ordinal)
                    && replica.Split(',').Any(part => part == "offset=" + offset);
            }, $"the replica of {master.Port} to catch up");
        }
    }

    /// <summary>
    /// A master crashes (SIGKILL): the master serving <paramref name="key"/>, or the first one. Waits (bounded) until its
    /// replica is promoted and the cluster serves every slot again; with <paramref name="restartFailed"/>, starts the
    /// crashed node again (it rejoins as the new master's replica), as an operator would. Returns both ports.
    /// </summary>
    public async Task<(int FailedMaster, int PromotedReplica)> FailoverAsync(string? key = null, bool restartFailed = true)
    {
        var members = await MembersAsync();
        var slot = key is null ? (int?)null : await KeySlotAsync(key);
        var master = members.First(m => m.IsMaster && !m.HasFailed && m.Slots.Count > 0 && (slot is null || m.Serves(slot.Value)));
        var replica = members.Single(m => m.MasterId == master.Id);
        var failed = _nodes.Single(n => n.Port == master.Port);

        await failed.KillAsync();
        var promoted = _nodes.Single(n => n.Port == replica.Port);
        await WaitAsync(async () => RedisNode.Field(await promoted.CliAsync("INFO", "replication"), "role") == "master", $"replica {replica.Port} to be promoted");
        await WaitUntilServingAsync();
        if (restartFailed)
        {
            await StartAsync();
        }

        return (master.Port, replica.Port);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Every running node says <c>cluster_state:ok</c> and sees no running node as failed.</summary>
    private Task WaitUntilServingAsync() => WaitAsync(async () =>
    {
        var running = _nodes.Where(n => n.IsRunning).ToList();
        foreach (var node in running)
        {
            if (RedisNode.Field(await node.CliAsync("CLUSTER", "INFO"), "cluster_state") != "ok"
                || await node.CliAsync("CLUSTER", "NODES") is not { } view
                || RedisClusterMember.Parse(view).Any(m => m.HasFailed && running.Any(r => r.Port == m.Port)))
            {
                return false;
            }
        }

        return true;
    }, "cluster_state:ok on every node");

    private async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + Bound;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"Timed out waiting for {what}. Nodes' output:\n" +
                    string.Join("\n---\n", _nodes.Select(n => $"{n.Port}: {n.Output[^Math.Min(n.Output.Length, 2000)..]}")));
            }

            await Task.Delay(100);
        }
    }
}
