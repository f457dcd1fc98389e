using System.Reflection;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Briefingbot.Tests.Architecture;

/// <summary>
/// No import cycle between the feature folders of a shipped project (docs/house.md, "What may import what").
/// A feature is a top-level folder under src/&lt;Project&gt;/ and the namespace segment after the project's root
/// namespace. Exempt, as the composition root, are only the files directly in a project folder (Program.cs,
/// DossiersServiceCollectionExtensions.cs): they wire every feature and no feature uses them.
/// </summary>
public sealed partial class FeatureCycleTests(ITestOutputHelper output)
{
    private static readonly string[] Roots = ["Briefingbot", "Briefingbot.Dossiers", "Briefingbot.Protocol"];

    public static TheoryData<string> Projects => new(Roots);

    [Theory]
    [MemberData(nameof(Projects))]
    public void Feature_folders_import_each_other_without_a_cycle(string project)
    {
        var graph = Read(project);
        output.WriteLine(graph.DescribeEdges(withExamples: true));

        var cycles = graph.FindCycles();

        Assert.True(cycles.Count == 0, "Feature folders that import each other (break the cycle; docs/house.md):\n" + graph.Describe(cycles));
    }

    [Fact]
    public void The_graph_sees_the_features_of_the_bot()
    {
        // Guards the test itself: if the assembly or the source folder were not read, no cycle would be found either.
        var graph = Read("Briefingbot");

        Assert.Contains("Storage", graph.Targets("Chat"));
        Assert.Contains("Kernel", graph.Targets("Registers"));
        Assert.Contains(graph.Features, f => f == "Briefings");
    }

    [Fact]
    public void The_kernel_and_storage_of_the_bot_import_no_feature()
    {
        // The bottom of the map (docs/house.md): Storage uses only Settings; the kernel uses only Storage and Settings.
        var graph = Read("Briefingbot");

        Assert.Empty(graph.Targets("Storage").Except(["Settings"]));
        Assert.Empty(graph.Targets("Kernel").Except(["Storage", "Settings"]));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Each_file_namespace_follows_its_top_level_folder(string project)
    {
        var directory = Path.Combine(RepoRoot, "src", project);
        var wrong = new List<string>();
        foreach (var file in FeatureGraph.SourceFiles(directory))
        {
            var folder = FeatureGraph.FolderOf(directory, file);
            var declared = NamespaceDeclaration().Match(File.ReadAllText(file));
            var expected = folder is null ? project : project + "." + folder;
            if (declared.Success
                ? declared.Groups["ns"].Value != expected && !declared.Groups["ns"].Value.StartsWith(expected + ".", StringComparison.Ordinal)
                : folder is not null)
            {
                wrong.Add($"{Path.GetRelativePath(directory, file)}: namespace {declared.Groups["ns"].Value}, expected {expected}[.*]");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Detector_finds_a_cycle_and_names_it()
    {
        var graph = new FeatureGraph("Synthetic");
        graph.Add("Chat", "Cards", "Chat.Router uses Cards.Renderer");
        graph.Add("Cards", "Admin", "Cards.Renderer uses Admin.Replies");
        graph.Add("Admin", "Chat", "Admin.Command uses Chat.ICommand");
        graph.Add("Admin", "Storage", "Admin.Command uses Storage.IStore");
        graph.Add("Briefings", "Storage", "Briefings.Job uses Storage.IStore");
        graph.Add("Briefings", "Kernel", "Briefings.Job uses Kernel.Clock");
        graph.Add("Kernel", "Briefings", "Kernel.Clock uses Briefings.Schedule");

        var cycles = graph.FindCycles();

        Assert.Equal(2, cycles.Count);
        Assert.Contains(cycles, c => c.SequenceEqual(["Admin", "Chat", "Cards", "Admin"]));
        Assert.Contains(cycles, c => c.SequenceEqual(["Briefings", "Kernel", "Briefings"]));
        Assert.Contains("Admin -> Chat (1): Admin.Command uses Chat.ICommand", graph.Describe(cycles), StringComparison.Ordinal);
    }

    [Fact]
    public void Detector_finds_no_cycle_in_a_layered_graph()
    {
        var graph = new FeatureGraph("Synthetic");
        graph.Add("Chat", "Kernel", "x");
        graph.Add("Registers", "Kernel", "x");
        graph.Add("Registers", "Storage", "x");
        graph.Add("Storage", "Kernel", "x");
        graph.Add("Chat", "Chat", "a self-use is not a cycle between folders");

        Assert.Empty(graph.FindCycles());
    }

    [Fact]
    public void Detector_reads_fully_qualified_uses_from_the_assembly()
    {
        // FeatureFixtureA names FeatureFixtureB.Target only fully qualified, in a method body: no using directive.
        var graph = new FeatureGraph("Briefingbot.Tests");
        graph.AddAssembly(typeof(FeatureCycleTests).Assembly, "Briefingbot.Tests.Architecture");

        Assert.Contains("FeatureFixtureB", graph.Targets("FeatureFixtureA"));
        Assert.DoesNotContain("FeatureFixtureA", graph.Targets("FeatureFixtureB"));
    }

    private static FeatureGraph Read(string project)
    {
        var graph = new FeatureGraph(project);
        graph.AddAssembly(Assembly.Load(new AssemblyName(project)), project);
        var others = Roots.Where(r => r != project && r.StartsWith(project + ".", StringComparison.Ordinal)).ToArray();
        graph.AddSources(Path.Combine(RepoRoot, "src", project), project, others);
        return graph;
    }

    private static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Briefingbot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Briefingbot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^namespace\s+(?<ns>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
