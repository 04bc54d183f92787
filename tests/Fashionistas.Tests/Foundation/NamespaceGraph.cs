using System.Text.RegularExpressions;

namespace Fashionistas.Tests.Foundation;

/// <summary>
/// Which of our namespaces uses which, read from each file's <c>namespace</c> and <c>using</c> lines and from the
/// qualified names in its code (<c>Client.LoadHttp</c> inside <c>Fashionistas.LoadTests.Commands</c>, or
/// <c>Fashionistas.Silo.Accounts.UserStore</c> anywhere), comments and string literals left out; a use of an enclosing
/// namespace adds nothing (its types are visible anyway). Then the cycles among them.
/// </summary>
internal sealed partial class NamespaceGraph
{
    private readonly Dictionary<string, SortedSet<string>> _uses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), List<string>> _files = [];
    private readonly List<(string File, string Namespace, string Code)> _code = [];
    private bool _qualifiedNamesRead;

    /// <summary>Adds one source file's edges; <paramref name="file"/> names it in the report.</summary>
    public void Add(string file, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var declared = FileNamespace().Match(source);
        if (!declared.Success)
        {
            return;
        }

        var from = declared.Groups[1].Value;
        foreach (Match used in Using().Matches(source))
        {
            AddEdge(file, from, used.Groups["static"].Success ? used.Groups["name"].Value[..used.Groups["name"].Value.LastIndexOf('.')] : used.Groups["name"].Value);
        }

        _code.Add((file, from, Directive().Replace(CommentOrLiteral().Replace(source, " "), " ")));
        _qualifiedNamesRead = false;
    }

    private void AddEdge(string file, string from, string to)
    {
        if (to == from || from.StartsWith(to + ".", StringComparison.Ordinal))
        {
            return;
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

        if (!files.Contains(file))
        {
            files.Add(file);
        }
    }

    /// <summary>
    /// Edges of qualified names, once every file is in (a name resolves against the namespaces declared): in namespace
    /// F, <c>A.B.Type</c> uses namespace <c>X.A.B</c> when X is F or encloses it, the longest such, as C# looks names up.
    /// </summary>
    private void ReadQualifiedNames()
    {
        if (_qualifiedNamesRead)
        {
            return;
        }

        var declared = _code.Select(c => c.Namespace).ToHashSet(StringComparer.Ordinal);
        foreach (var (file, from, code) in _code)
        {
            var scopes = Scopes(from);
            foreach (var name in QualifiedName().Matches(code).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal))
            {
                if (Resolve(name, scopes, declared) is { } used)
                {
                    AddEdge(file, from, used);
                }
            }
        }

        _qualifiedNamesRead = true;
    }

    /// <summary>The namespace a dotted name's leading parts denote, seen from <paramref name="scopes"/> (innermost first); null if none.</summary>
    private static string? Resolve(string name, IReadOnlyList<string> scopes, HashSet<string> declared)
    {
        var parts = name.Split('.');
        foreach (var scope in scopes)
        {
            for (var length = parts.Length - 1; length >= 1; length--)
            {
                var candidate = string.Join('.', parts[..length]);
                var full = scope.Length == 0 ? candidate : scope + "." + candidate;
                if (declared.Contains(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    /// <summary>F, its enclosing namespaces, and the global one, innermost first.</summary>
    private static List<string> Scopes(string ns)
    {
        var scopes = new List<string> { ns };
        for (var dot = ns.LastIndexOf('.'); dot > 0; dot = ns.LastIndexOf('.', dot - 1))
        {
            scopes.Add(ns[..dot]);
        }

        scopes.Add(string.Empty);
        return scopes;
    }

    /// <summary>Every group of namespaces that use each other in a ring (strongly connected, more than one), described.</summary>
    public IReadOnlyList<string> Cycles()
    {
        ReadQualifiedNames();
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

    /// <summary>A using directive (not a using statement or declaration, whose code is read) or a namespace declaration.</summary>
    [GeneratedRegex(@"^\s*(?:(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?[\w.:]+(?:<[^;\n]*>)?\s*;|namespace\s+[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Directive();

    /// <summary>Comments (with XML docs and their crefs), raw, verbatim and plain string literals, char literals.</summary>
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|\$*"""""".*?""""""|@""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)+'", RegexOptions.Singleline)]
    private static partial Regex CommentOrLiteral();

    /// <summary>A dotted name not preceded by a dot or word character (so <c>x.Client.Y</c> is member access, not a name).</summary>
    [GeneratedRegex(@"(?<![\w.])(?:global::)?(?<name>[A-Z]\w*(?:\.[A-Z]\w*)+)")]
    private static partial Regex QualifiedName();
}
