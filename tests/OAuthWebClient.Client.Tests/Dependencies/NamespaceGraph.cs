using System.Text;

namespace OAuthWebClient.Client.Tests.Dependencies;

/// <summary>
/// Which of the library's namespaces use which, with the evidence (file and name) for each edge. A name counts where C#
/// would resolve it: the file's own namespace first, then its enclosing namespaces (so a child uses its parent without a
/// using, an edge like any other), then the namespaces its usings and its project's global usings bring in. Dotted names
/// (<c>Tokens.TokenSet</c>, fully qualified names) and static or alias usings are direct references.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph(IEnumerable<string> namespaces)
    {
        foreach (var name in namespaces)
        {
            _edges[name] = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        }
    }

    public IReadOnlyCollection<string> Namespaces => _edges.Keys;

    public IReadOnlyCollection<string> DependenciesOf(string name) => _edges[name].Keys;

    public bool DependsOn(string from, string to) => _edges.TryGetValue(from, out var targets) && targets.ContainsKey(to);

    /// <summary>"From → To: file (name), ..." with at most a few pieces of evidence.</summary>
    public string Describe(string from, string to) =>
        $"{from} → {to}: {string.Join(", ", _edges[from][to].Take(4))}{(_edges[from][to].Count > 4 ? ", ..." : "")}";

    public static NamespaceGraph Build(IReadOnlyList<SourceFile> files, Func<string, IReadOnlyList<string>> projectUsings)
    {
        var graph = new NamespaceGraph(files.Select(f => f.Namespace).Distinct());
        var symbols = files.GroupBy(f => f.Namespace)
            .ToDictionary(g => g.Key, g => g.SelectMany(f => f.DeclaredSymbols).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var globalUsings = files.GroupBy(f => f.Project).ToDictionary(
            g => g.Key,
            g => projectUsings(g.Key).Concat(g.SelectMany(f => f.Usings).Where(u => u.IsGlobal && !u.IsStaticOrAlias).Select(u => u.Target)).ToList(),
            StringComparer.Ordinal);
        foreach (var file in files)
        {
            graph.AddEdgesOf(file, symbols, globalUsings[file.Project]);
        }

        return graph;
    }

    /// <summary>The strongly connected components of more than one namespace: each is a dependency cycle.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles() =>
        new Tarjan(this).Components().Where(c => c.Count > 1).ToList();

    /// <summary>Every edge between the namespaces of <paramref name="component"/>, with its evidence, one a line.</summary>
    public string DescribeWithin(IReadOnlyCollection<string> component)
    {
        var text = new StringBuilder();
        foreach (var from in component.Order(StringComparer.Ordinal))
        {
            foreach (var to in DependenciesOf(from).Where(component.Contains))
            {
                text.Append("    ").AppendLine(Describe(from, to));
            }
        }

        return text.ToString();
    }

    private void AddEdgesOf(SourceFile file, Dictionary<string, HashSet<string>> symbols, IReadOnlyList<string> globalUsings)
    {
        var enclosing = EnclosingOrSelf(file.Namespace).ToList();
        var imported = file.Usings.Where(u => !u.IsStaticOrAlias).Select(u => u.Target).Concat(globalUsings)
            .Where(symbols.ContainsKey).Distinct().ToList();
        foreach (var direct in file.Usings.Where(u => u.IsStaticOrAlias))
        {
            Add(file, Qualified(direct.Target, ""), $"using {direct.Target}");
        }

        foreach (var name in file.Names)
        {
            var nearest = enclosing.FirstOrDefault(n => symbols.TryGetValue(n, out var s) && s.Contains(name));
            if (nearest is not null)
            {
                Add(file, nearest, name);
                continue;
            }

            foreach (var target in imported.Where(n => symbols[n].Contains(name)))
            {
                Add(file, target, name);
            }
        }

        foreach (var dotted in file.DottedNames)
        {
            // Tokens.TokenSet from inside OAuthWebClient.Client.*: looked up in each enclosing namespace, then globally.
            var target = enclosing.Append("").Select(scope => Qualified(dotted, scope)).FirstOrDefault(n => n is not null);
            Add(file, target, dotted);
        }
    }

    /// <summary>The longest known namespace that <paramref name="dotted"/>, read inside <paramref name="scope"/>, starts with.</summary>
    private string? Qualified(string dotted, string scope)
    {
        var segments = dotted.Split('.');
        for (var length = segments.Length; length >= 1; length--)
        {
            var candidate = string.Join('.', segments.Take(length));
            candidate = scope.Length == 0 ? candidate : $"{scope}.{candidate}";
            if (_edges.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private void Add(SourceFile file, string? target, string evidence)
    {
        if (target is not null && target != file.Namespace)
        {
            var targets = _edges[file.Namespace];
            if (!targets.TryGetValue(target, out var found))
            {
                targets[target] = found = new SortedSet<string>(StringComparer.Ordinal);
            }

            found.Add($"{file.RelativePath} ({evidence})");
        }
    }

    private static IEnumerable<string> EnclosingOrSelf(string name)
    {
        for (var current = name; current.Length > 0; current = current.Contains('.', StringComparison.Ordinal) ? current[..current.LastIndexOf('.')] : "")
        {
            yield return current;
        }
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private sealed class Tarjan(NamespaceGraph graph)
    {
        private readonly Dictionary<string, int> _index = [];
        private readonly Dictionary<string, int> _low = [];
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = [];
        private readonly List<IReadOnlyList<string>> _components = [];

        public List<IReadOnlyList<string>> Components()
        {
            foreach (var name in graph.Namespaces.Where(n => !_index.ContainsKey(n)))
            {
                Visit(name);
            }

            return _components;
        }

        private void Visit(string name)
        {
            _index[name] = _low[name] = _index.Count;
            _stack.Push(name);
            _onStack.Add(name);
            foreach (var next in graph.DependenciesOf(name))
            {
                if (!_index.ContainsKey(next))
                {
                    Visit(next);
                    _low[name] = Math.Min(_low[name], _low[next]);
                }
                else if (_onStack.Contains(next))
                {
                    _low[name] = Math.Min(_low[name], _index[next]);
                }
            }

            if (_low[name] == _index[name])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = _stack.Pop();
                    _onStack.Remove(member);
                    component.Add(member);
                }
                while (member != name);
                component.Sort(StringComparer.Ordinal);
                _components.Add(component);
            }
        }
    }
}
