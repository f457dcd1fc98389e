using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using System.Text.RegularExpressions;

namespace Briefingbot.Tests.Architecture;

/// <summary>
/// Which feature folder of a project uses which other, read two ways and merged: from the compiled assembly (every
/// type a type names in its declaration, its members' signatures, its attributes and its method bodies' IL, so fully
/// and partly qualified uses count as well as imported ones) and from the sources' <c>using</c> directives (so an
/// import counts even when nothing uses it yet). A feature is the namespace segment after the project's root
/// namespace, which is the top-level folder under <c>src/&lt;Project&gt;/</c>.
/// </summary>
internal sealed partial class FeatureGraph
{
    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    public FeatureGraph(string project) => Project = project;

    public string Project { get; }

    public IEnumerable<string> Features => _edges.Keys.Concat(_edges.Values.SelectMany(t => t.Keys)).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="from"/> uses <paramref name="to"/>, with an example ("where") for messages.</summary>
    public void Add(string from, string to, string where)
    {
        if (from == to)
        {
            return;
        }
        if (!_edges.TryGetValue(from, out var targets))
        {
            _edges[from] = targets = new(StringComparer.Ordinal);
        }
        if (!targets.TryGetValue(to, out var examples))
        {
            targets[to] = examples = new(StringComparer.Ordinal);
        }
        examples.Add(where);
    }

    public IReadOnlyCollection<string> Targets(string from) =>
        _edges.TryGetValue(from, out var t) ? t.Keys : [];

    public IReadOnlyCollection<string> Examples(string from, string to) =>
        _edges.TryGetValue(from, out var t) && t.TryGetValue(to, out var e) ? e : [];

    /// <summary>
    /// The cycles: every strongly connected component of more than one feature (Tarjan), each given as one closed
    /// path through it, e.g. ["Chat", "Cards", "Chat"]. Empty when the graph is acyclic.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> FindCycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<HashSet<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Targets(v).Order(StringComparer.Ordinal))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }
            if (low[v] == index[v])
            {
                var component = new HashSet<string>(StringComparer.Ordinal);
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    components.Add(component);
                }
            }
        }

        foreach (var v in Features)
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }
        return components.Select(PathThrough).ToList();
    }

    /// <summary>A closed path from the component's first feature back to itself (breadth-first, so the shortest).</summary>
    private List<string> PathThrough(HashSet<string> component)
    {
        var start = component.Order(StringComparer.Ordinal).First();
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in Targets(v).Where(component.Contains).Order(StringComparer.Ordinal))
            {
                if (w == start)
                {
                    var path = new List<string> { start };
                    for (var at = v; at != start; at = previous[at])
                    {
                        path.Add(at);
                    }
                    path.Add(start);
                    path.Reverse();
                    return path;
                }
                if (previous.TryAdd(w, v))
                {
                    queue.Enqueue(w);
                }
            }
        }
        throw new InvalidOperationException("A strongly connected component without a cycle: " + string.Join(", ", component));
    }

    /// <summary>Pairs of features that use each other directly ("Cards &lt;-&gt; Chat"), the shortest cycles.</summary>
    public IReadOnlyList<string> MutualPairs() =>
        Features.SelectMany(a => Targets(a).Where(b => string.CompareOrdinal(a, b) < 0 && Targets(b).Contains(a)).Select(b => a + " <-> " + b))
            .ToList();

    /// <summary>The cycles, each arc with up to three examples of the uses that make it, and the mutual pairs.</summary>
    public string Describe(IReadOnlyList<IReadOnlyList<string>> cycles)
    {
        var text = new StringBuilder();
        if (MutualPairs() is { Count: > 0 } pairs)
        {
            text.Append(Project).Append(": features that use each other: ").AppendJoin(", ", pairs).AppendLine();
        }
        foreach (var cycle in cycles)
        {
            text.Append(Project).Append(": ").AppendJoin(" -> ", cycle).AppendLine();
            for (var i = 0; i + 1 < cycle.Count; i++)
            {
                var examples = Examples(cycle[i], cycle[i + 1]);
                text.Append("    ").Append(cycle[i]).Append(" -> ").Append(cycle[i + 1]).Append(" (").Append(examples.Count)
                    .Append("): ").AppendJoin("; ", examples.Take(3)).AppendLine(examples.Count > 3 ? "; ..." : "");
            }
        }
        return text.ToString();
    }

    /// <summary>Every edge with the number of distinct uses behind it, one line each: "Chat -> Storage (12)", and the uses.</summary>
    public string DescribeEdges(bool withExamples = false)
    {
        var text = new StringBuilder();
        foreach (var from in Features)
        {
            foreach (var to in Targets(from).Order(StringComparer.Ordinal))
            {
                text.Append(Project).Append(": ").Append(from).Append(" -> ").Append(to)
                    .Append(" (").Append(Examples(from, to).Count).AppendLine(")");
                if (withExamples)
                {
                    foreach (var example in Examples(from, to))
                    {
                        text.Append("    ").AppendLine(example);
                    }
                }
            }
        }
        return text.ToString();
    }

    // ---- Reading the compiled assembly ----

    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>
    /// Adds the uses between features of <paramref name="assembly"/>, whose root namespace is
    /// <paramref name="rootNamespace"/>. Types outside a feature (the root namespace: Program, the project's
    /// Add…() entry point; compiler-generated helpers) are the composition root and are not read.
    /// </summary>
    public void AddAssembly(Assembly assembly, string rootNamespace)
    {
        foreach (var type in assembly.GetTypes())
        {
            var from = FeatureOf(type, assembly, rootNamespace);
            if (from is null)
            {
                continue;
            }
            var owner = OuterMost(type).FullName ?? type.Name;
            foreach (var used in UsedTypes(type))
            {
                var to = FeatureOf(used, assembly, rootNamespace);
                if (to is not null)
                {
                    Add(from, to, owner + " uses " + (OuterMost(used).FullName ?? used.Name));
                }
            }
        }
    }

    private static Type OuterMost(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type;
    }

    private static string? FeatureOf(Type type, Assembly assembly, string rootNamespace)
    {
        if (type.Assembly != assembly)
        {
            return null;
        }
        var ns = OuterMost(type).Namespace;
        if (ns is null || !ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = ns[(rootNamespace.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Note(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }
            if (t.HasElementType)
            {
                Note(t.GetElementType());
            }
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Note(t.GetGenericTypeDefinition());
                foreach (var a in t.GetGenericArguments())
                {
                    Note(a);
                }
            }
            if (t.IsGenericParameter)
            {
                foreach (var c in t.GetGenericParameterConstraints())
                {
                    Note(c);
                }
            }
        }
        void NoteAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var a in attributes)
            {
                Note(a.AttributeType);
                foreach (var arg in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
                {
                    Note(arg.ArgumentType);
                    Note(arg.Value as Type);
                }
            }
        }

        Note(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Note(i);
        }
        if (type.IsGenericTypeDefinition)
        {
            foreach (var p in type.GetGenericArguments())
            {
                Note(p);
            }
        }
        NoteAttributes(type.CustomAttributes);
        foreach (var f in type.GetFields(Declared))
        {
            Note(f.FieldType);
            NoteAttributes(f.CustomAttributes);
        }
        foreach (var p in type.GetProperties(Declared))
        {
            Note(p.PropertyType);
            NoteAttributes(p.CustomAttributes);
        }
        foreach (var e in type.GetEvents(Declared))
        {
            Note(e.EventHandlerType);
        }
        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        foreach (var m in methods)
        {
            NoteAttributes(m.CustomAttributes);
            if (m is MethodInfo mi)
            {
                Note(mi.ReturnType);
                if (mi.IsGenericMethodDefinition)
                {
                    foreach (var p in mi.GetGenericArguments())
                    {
                        Note(p);
                    }
                }
            }
            foreach (var p in m.GetParameters())
            {
                Note(p.ParameterType);
                NoteAttributes(p.CustomAttributes);
            }
            var body = m.GetMethodBody();
            if (body is null)
            {
                continue;
            }
            foreach (var local in body.LocalVariables)
            {
                Note(local.LocalType);
            }
            foreach (var clause in body.ExceptionHandlingClauses)
            {
                if (clause.Flags == ExceptionHandlingClauseOptions.Clause)
                {
                    Note(clause.CatchType);
                }
            }
            foreach (var member in MembersInIl(m, body))
            {
                switch (member)
                {
                    case Type t:
                        Note(t);
                        break;
                    case MethodBase called:
                        Note(called.DeclaringType);
                        if (called is MethodInfo { IsGenericMethod: true } generic)
                        {
                            foreach (var a in generic.GetGenericArguments())
                            {
                                Note(a);
                            }
                        }
                        break;
                    case FieldInfo field:
                        Note(field.DeclaringType);
                        break;
                }
            }
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types, methods and fields the IL of <paramref name="method"/> names by token.</summary>
    private static IEnumerable<MemberInfo> MembersInIl(MethodBase method, MethodBody body)
    {
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at++]));
            }
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, at);
                    at += 4 + (4 * count);
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    yield return method.Module.ResolveMember(token, typeArguments, methodArguments)
                        ?? throw new InvalidOperationException($"Token {token:x8} in {method.DeclaringType}.{method.Name} does not resolve");
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }

    // ---- Reading the sources: using directives and qualified names ----

    /// <summary>
    /// Adds what the sources in <paramref name="projectDirectory"/> name: their <c>using</c> directives (plain,
    /// static, alias, global), so an import counts even when nothing uses it yet; and qualified names outside
    /// comments and string literals ("Briefingbot.Cards.CardNames.Note", or "Cards.CardNames.Note" written inside
    /// namespace Briefingbot.X, resolved as C# does: innermost enclosing namespace first), which is how a constant is
    /// used, since the compiler copies constants into the IL. A file in a top-level folder belongs to that feature;
    /// files directly in the project folder are the composition root. <paramref name="otherRoots"/> are the root
    /// namespaces of the other projects that start with this one's (e.g. "Briefingbot.Dossiers"): not features here.
    /// </summary>
    public void AddSources(string projectDirectory, string rootNamespace, IReadOnlyCollection<string> otherRoots)
    {
        var files = SourceFiles(projectDirectory).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        var namespaces = files
            .SelectMany(f => NamespaceDeclaration().Matches(f.Text).Select(m => m.Groups["ns"].Value))
            .SelectMany(Prefixes)
            .ToHashSet(StringComparer.Ordinal);
        // Types by namespace, so "Text.Length" (a property Text) is not read as the namespace Text.
        var types = files
            .Where(f => NamespaceDeclaration().IsMatch(f.Text))
            .SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => NamespaceDeclaration().Match(f.Text).Groups["ns"].Value + "." + m.Groups["type"].Value))
            .ToHashSet(StringComparer.Ordinal);

        string? Feature(string ns) =>
            otherRoots.Any(o => ns == o || ns.StartsWith(o + ".", StringComparison.Ordinal)) || !ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)
                ? null
                : ns[(rootNamespace.Length + 1)..].Split('.')[0];

        foreach (var (file, text) in files)
        {
            var from = FolderOf(projectDirectory, file);
            if (from is null)
            {
                continue;
            }
            var where = Path.GetRelativePath(projectDirectory, file).Replace('\\', '/');
            foreach (Match m in UsingDirective().Matches(text))
            {
                if (Feature(m.Groups["ns"].Value) is { } to)
                {
                    Add(from, to, where + " has using " + m.Groups["ns"].Value);
                }
            }
            var code = WithoutCommentsAndStrings(text);
            var declared = NamespaceDeclaration().Match(code) is { Success: true } d ? d.Groups["ns"].Value : rootNamespace;
            foreach (Match m in QualifiedName().Matches(code))
            {
                var name = m.Groups["name"].Value;
                if (UsingDirective().IsMatch(LineAt(code, m.Index)) || NamespaceDeclaration().IsMatch(LineAt(code, m.Index)))
                {
                    continue;
                }
                // The longest dotted prefix that is a namespace, looked up from the innermost enclosing namespace out.
                var parts = name.Split('.');
                string? resolved = null;
                foreach (var scope in Prefixes(declared).Reverse().Append(""))
                {
                    for (var n = parts.Length - 1; n >= 1 && resolved is null; n--)
                    {
                        var candidate = (scope.Length == 0 ? "" : scope + ".") + string.Join('.', parts[..n]);
                        if (namespaces.Contains(candidate) && types.Contains(candidate + "." + parts[n]))
                        {
                            resolved = candidate;
                        }
                    }
                    if (resolved is not null)
                    {
                        break;
                    }
                }
                if (resolved is not null && Feature(resolved) is { } to)
                {
                    Add(from, to, where + " names " + name);
                }
            }
        }
    }

    /// <summary>"A.B.C" gives "A", "A.B", "A.B.C".</summary>
    private static IEnumerable<string> Prefixes(string ns)
    {
        var parts = ns.Split('.');
        for (var i = 1; i <= parts.Length; i++)
        {
            yield return string.Join('.', parts[..i]);
        }
    }

    private static string LineAt(string text, int index)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var end = text.IndexOf('\n', index);
        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>
    /// The code with comments (doc comments included) and string and character literals blanked out, line breaks
    /// kept. Interpolation holes are blanked with their string: a feature named only inside one is not seen here (the
    /// assembly reading sees it, unless it is a constant).
    /// </summary>
    public static string WithoutCommentsAndStrings(string code)
    {
        var result = new StringBuilder(code.Length);
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            var next = i + 1 < code.Length ? code[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < code.Length && code[i] != '\n')
                {
                    result.Append(' ');
                    i++;
                }
            }
            else if (c == '/' && next == '*')
            {
                var end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? code.Length : end + 2;
                Blank(end);
            }
            else if (c == '"' && next == '"' && i + 2 < code.Length && code[i + 2] == '"')
            {
                // Raw string literal: as many quotes close it as opened it.
                var quotes = 0;
                while (i + quotes < code.Length && code[i + quotes] == '"')
                {
                    quotes++;
                }
                var end = code.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                Blank(end < 0 ? code.Length : end + quotes);
            }
            else if (c == '@' && next == '"' || (c is '$' && next == '@') || (c == '@' && next == '$'))
            {
                // Verbatim string: "" is an escaped quote.
                var j = code.IndexOf('"', i) + 1;
                while (j < code.Length && !(code[j] == '"' && (j + 1 >= code.Length || code[j + 1] != '"')))
                {
                    j += code[j] == '"' ? 2 : 1;
                }
                Blank(Math.Min(code.Length, j + 1));
            }
            else if (c == '"' || c == '\'')
            {
                var j = i + 1;
                while (j < code.Length && code[j] != c && code[j] != '\n')
                {
                    j += code[j] == '\\' ? 2 : 1;
                }
                Blank(Math.Min(code.Length, j + 1));
            }
            else
            {
                result.Append(c);
                i++;
            }
        }
        return result.ToString();

        void Blank(int end)
        {
            for (; i < end; i++)
            {
                result.Append(code[i] == '\n' ? '\n' : ' ');
            }
        }
    }

    public static IEnumerable<string> SourceFiles(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f =>
            {
                var relative = Path.GetRelativePath(projectDirectory, f).Replace('\\', '/');
                return !relative.StartsWith("obj/", StringComparison.Ordinal) && !relative.StartsWith("bin/", StringComparison.Ordinal);
            })
            .Order(StringComparer.Ordinal);

    /// <summary>The top-level folder of <paramref name="file"/>, or null for a file directly in the project folder.</summary>
    public static string? FolderOf(string projectDirectory, string file)
    {
        var parts = Path.GetRelativePath(projectDirectory, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Length > 1 ? parts[0] : null;
    }

    // The namespace a using directive names; "using X = Briefingbot.A.B.C;" names Briefingbot.A.B (or the type's
    // namespace prefix, which is enough for the feature segment).
    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?(?<ns>Briefingbot(?:\.\w+)+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<type>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*namespace\s+(?<ns>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    // A dotted name not preceded by a dot or a word character (so not a member access "x.Chat.Y"), e.g.
    // "Cards.CardNames.Note" or "global::Briefingbot.Chat.CommandText".
    [GeneratedRegex(@"(?<![\w.])(?:global::)?(?<name>[A-Z]\w*(?:\.[A-Z]\w*)+)")]
    private static partial Regex QualifiedName();
}
