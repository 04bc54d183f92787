using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fashionistas.Tests.Foundation;

/// <summary>
/// The shape of the code base, read from the sources: no namespace cycles in src or in load-tests, the contracts project stands alone,
/// and the web layer stays off the database driver (see README, "Where things live").
/// </summary>
public sealed partial class HouseRulesTests
{
    [Theory]
    [InlineData("src")]
    [InlineData("load-tests")]
    public void NoNamespaceIsPartOfACycle(string folder)
    {
        var graph = new NamespaceGraph();
        foreach (var file in SourceTree.CSharpFiles(folder))
        {
            graph.Add(SourceTree.Relative(file), File.ReadAllText(file));
        }

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, $"Namespace cycles in {folder}:" + Environment.NewLine + string.Join(Environment.NewLine, cycles));
    }

    [Fact]
    public void TheCycleFinderFindsARing()
    {
        var graph = new NamespaceGraph();
        graph.Add("a.cs", "using Fashionistas.B;\nnamespace Fashionistas.A;");
        graph.Add("b.cs", "using Fashionistas.C;\nnamespace Fashionistas.B;");
        graph.Add("c.cs", "using static Fashionistas.A.Helpers;\nnamespace Fashionistas.C;");
        graph.Add("d.cs", "using Fashionistas.A;\nnamespace Fashionistas.A.Inner;");

        var cycle = Assert.Single(graph.Cycles());

        Assert.StartsWith("Fashionistas.A <-> Fashionistas.B <-> Fashionistas.C", cycle, StringComparison.Ordinal);
        Assert.Contains("Fashionistas.C -> Fashionistas.A (c.cs)", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCycleFinderFollowsQualifiedNamesInCodeButNotInCommentsOrStrings()
    {
        var graph = new NamespaceGraph();
        graph.Add("a.cs", "namespace Fashionistas.Tool.A;\nclass X { int Y => B.Helper.Value; }");
        graph.Add("b.cs", "namespace Fashionistas.Tool.B;\nclass Helper { public const int Value = Fashionistas.Tool.C.Other.Value; }");
        graph.Add("c.cs", "namespace Fashionistas.Tool.C;\n/// <see cref=\"A.X\"/>\nclass Other { public const int Value = 1; string S = \"A.X\"; }");

        Assert.Empty(graph.Cycles());

        graph.Add("d.cs", "namespace Fashionistas.Tool.C;\nclass Back { object Z => new A.X(); }");
        var cycle = Assert.Single(graph.Cycles());

        Assert.StartsWith("Fashionistas.Tool.A <-> Fashionistas.Tool.B <-> Fashionistas.Tool.C", cycle, StringComparison.Ordinal);
        Assert.Contains("Fashionistas.Tool.A -> Fashionistas.Tool.B (a.cs)", cycle, StringComparison.Ordinal);
        Assert.Contains("Fashionistas.Tool.C -> Fashionistas.Tool.A (d.cs)", cycle, StringComparison.Ordinal);
        Assert.DoesNotContain("(c.cs)", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWebLayerDoesNotUseTheDatabaseDriver()
    {
        var offenders = SourceTree.CSharpFiles("src/Web")
            .Where(file => DriverUsing().IsMatch(File.ReadAllText(file)))
            .Select(SourceTree.Relative)
            .ToList();

        Assert.True(offenders.Count == 0, "src/Web uses Npgsql or Dapper in: " + string.Join(", ", offenders));
        var packages = PackageReferences("src/Web/Fashionistas.Web.csproj");
        Assert.DoesNotContain(packages, p => p.StartsWith("Npgsql", StringComparison.Ordinal) || p.StartsWith("Dapper", StringComparison.Ordinal));
    }

    [Fact]
    public void TheContractsProjectReferencesOnlyTheOrleansSdk()
    {
        var project = XDocument.Load(Path.Combine(SourceTree.Root, "src/Contracts/Fashionistas.Contracts.csproj"));

        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Equal(["Microsoft.Orleans.Sdk"], PackageReferences("src/Contracts/Fashionistas.Contracts.csproj"));
        var foreign = SourceTree.CSharpFiles("src/Contracts")
            .SelectMany(file => ProjectUsing().Matches(File.ReadAllText(file)).Select(m => (File: SourceTree.Relative(file), Namespace: m.Groups[1].Value)))
            .Where(u => u.Namespace is not ("Fashionistas.Grains.Contracts" or "Fashionistas.Grains.Publishing"))
            .ToList();
        Assert.True(foreign.Count == 0, "Contracts use: " + string.Join(", ", foreign));
    }

    private static List<string> PackageReferences(string project) =>
        XDocument.Load(Path.Combine(SourceTree.Root, project)).Descendants("PackageReference")
            .Select(p => (string?)p.Attribute("Include") ?? string.Empty).ToList();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:Npgsql|Dapper)\b", RegexOptions.Multiline)]
    private static partial Regex DriverUsing();

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?(?:\w+\s*=\s*)?(Fashionistas(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex ProjectUsing();
}
