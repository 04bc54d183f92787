using System.Text.RegularExpressions;

namespace Fashionistas.Tests.Foundation;

/// <summary>
/// Which of our namespaces uses which, read from each file's <c>namespace</c> and <c>using</c> lines (a using of an
/// enclosing namespace adds nothing: its types are visible anyway), and the cycles among them.
/// </summary>
internal sealed partial class NamespaceGraph
{
    private readonly Dictionary<string, SortedSet<string>> _uses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), List<string>> _files = [];

    /// <summary>Adds one source file's edges; <paramref name="file"/> names it in the report.</summary>
    public void Add(string file, string source)
    {
        var declared = FileNamespace().Match(source);
        if (!declared.Success)
        {
            return;
        }

        var from = declared.Groups[1].Value;
        foreach (Match used in Using().Matches(source))
        {
            var to = used.Groups["static"].Success ? used.Groups["name"].Value[..used.Groups["name"].Value.LastIndexOf('.')] : used.Groups["name"].Value;
            if (to == from || from.StartsWith(to + ".", StringComparison.Ordinal))
            {
                continue;
            }

            if (!_uses.TryGetValue(from, out var targets))
            {
                _uses[from] = targets = new SortedSet<string>(StringComparer.Ordinal);
            }

            targets.Add(to);
            if (!_files.TryGetValue((from, to), out var files))
            {
                _files[(from, to)] = files = [];
            }

            files.Add(file);
        }
    }

    /// <summary>Every group of namespaces that use each other in a ring (strongly connected, more than one), described.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        foreach (var ring in StronglyConnected().Where(g => g.Count > 1))
        {
            var members = ring.ToHashSet(StringComparer.Ordinal);
            var edges = from a in ring.Order(StringComparer.Ordinal)
                        from b in _uses[a]
                        where members.Contains(b)
                        select $"  {a} -> {b} ({string.Join(", ", _files[(a, b)])})";
            cycles.Add(string.Join(" <-> ", ring.Order(StringComparer.Ordinal)) + Environment.NewLine + string.Join(Environment.NewLine, edges));
        }

        return cycles;
    }

    /// <summary>Tarjan's algorithm, iterative over an explicit stack so a deep graph cannot overflow.</summary>
    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<List<string>>();
        var next = 0;

        foreach (var start in _uses.Keys.Order(StringComparer.Ordinal).ToList())
        {
            if (index.ContainsKey(start))
            {
                continue;
            }

            var work = new Stack<(string Node, IEnumerator<string> Targets)>();
            Visit(start);
            while (work.Count > 0)
            {
                var (node, targets) = work.Peek();
                if (targets.MoveNext())
                {
                    var target = targets.Current;
                    if (!index.ContainsKey(target))
                    {
                        Visit(target);
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }

                    continue;
                }

                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var group = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        group.Add(member);
                    }
                    while (member != node);
                    groups.Add(group);
                }
            }

            void Visit(string node)
            {
                index[node] = low[node] = next++;
                stack.Push(node);
                onStack.Add(node);
                var targets = _uses.TryGetValue(node, out var set) ? set.ToList() : [];
                work.Push((node, targets.GetEnumerator()));
            }
        }

        return groups;
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?<static>static\s+)?(?:\w+\s*=\s*)?(?<name>Fashionistas(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();
}
