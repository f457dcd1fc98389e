using System.Text.RegularExpressions;
using Briefingbot.Cli;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Tests.Cards;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Briefingbot.Tests.Cli;

/// <summary><c>bench-snippets</c> (issue 17 item 6): the custom snippet window against Lucene.Net.Highlighter on the seeds.</summary>
public sealed class BenchSnippetsCliCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Both_windows_keep_the_offset_contract_and_only_the_custom_one_stays_within_its_size()
    {
        using var services = new ServiceCollection()
            .AddSingleton<ILetterParser, LetterParser>()
            .AddSingleton<ILetterSummarizer, ExtractiveSummarizer>()
            .BuildServiceProvider();
        var writer = new StringWriter();

        var error = new StringWriter();

        var exit = await CliRunner.RunAsync([new BenchSnippetsCliCommand(services)],
            ["bench-snippets", "--corpus", Path.Combine(NodeCardChecker.RepoRoot, "seeds"), "--iterations", "1", "--page", "3"], writer, error,
            validateSettings: null, CancellationToken.None);

        var text = writer.ToString() + error;
        output.WriteLine(text);
        Assert.Equal(0, exit);
        var rows = Regex.Matches(text, @"(?m)^  (custom SnippetBuilder|Lucene\.Net\.Highlighter)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(\d+)\s+(\d+)\s+(\d+)\s");
        Assert.Equal(4, rows.Count); // two systems, windows of 600 and 300
        foreach (Match row in rows)
        {
            // [start, end) of the raw file holds exactly the shown window, for both ways of cutting it.
            Assert.Equal(row.Groups[2].Value, row.Groups[3].Value);
        }
        var windowed300 = rows.Where(r => r.Groups[2].Value != "0").ToList();
        Assert.Equal(2, windowed300.Count); // seed passages are at most 600 characters: only the 300 window cuts
        Assert.Equal("0", windowed300.Single(r => r.Groups[1].Value == "custom SnippetBuilder").Groups[4].Value);
        Assert.NotEqual("0", windowed300.Single(r => r.Groups[1].Value == "Lucene.Net.Highlighter").Groups[4].Value);
    }
}
