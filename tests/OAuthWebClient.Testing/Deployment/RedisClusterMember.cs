using System.Globalization;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>One line of <c>CLUSTER NODES</c>: a node's id, port, role, health and the hash slots it serves.</summary>
public sealed record RedisClusterMember(string Id, int Port, bool IsMaster, bool HasFailed, string? MasterId, IReadOnlyList<(int From, int To)> Slots)
{
    /// <summary>Whether this node serves <paramref name="slot"/> (as a master).</summary>
    public bool Serves(int slot) => IsMaster && Slots.Any(range => slot >= range.From && slot <= range.To);

    /// <summary>Parses <c>CLUSTER NODES</c>: <c>id ip:port@bus flags master ping pong epoch link slot…</c>.</summary>
    public static IReadOnlyList<RedisClusterMember> Parse(string clusterNodes)
    {
        ArgumentNullException.ThrowIfNull(clusterNodes);
        var members = new List<RedisClusterMember>();
        foreach (var line in clusterNodes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            var address = parts[1].Split('@')[0];
            var flags = parts[2].Split(',');
            var slots = parts.Skip(8).Where(s => !s.StartsWith('[')).Select(s =>
            {
                var range = s.Split('-');
                var from = int.Parse(range[0], CultureInfo.InvariantCulture);
                return (from, range.Length == 2 ? int.Parse(range[1], CultureInfo.InvariantCulture) : from);
            }).ToList();
            members.Add(new RedisClusterMember(
                parts[0],
                int.Parse(address[(address.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture),
                flags.Contains("master"),
                flags.Contains("fail") || flags.Contains("fail?"),
                parts[3] == "-" ? null : parts[3],
                slots));
        }

        return members;
    }
}
