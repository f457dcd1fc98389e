using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Every_seed_letter_parses_with_a_title_and_passages()
    {
        var parser = new LetterParser();
        var files = Directory.EnumerateFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var letter = parser.Parse(Path.GetFileName(file), File.ReadAllText(file));
            Assert.False(string.IsNullOrWhiteSpace(letter.Title), $"{file}: no title");
            Assert.Equal(Path.GetFileName(file), letter.SourceFile);
            Assert.NotEmpty(letter.Passages);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), letter.Id);
        }
    }
}
