using Briefingbot.Dossiers.Search;

namespace Briefingbot.Dossiers.Tests.Search;

public class UserQueryParserTests
{
    [Theory]
    [InlineData("drones counter-drone", "drones counter-drone")]
    [InlineData("defensie OR NAVO OR Witboek", "defensie OR NAVO OR Witboek")]
    [InlineData("\"Europese defensie\" munitie*", "\"Europese defensie\" munitie*")]
    [InlineData("drones AND (Oekraïne OR Rusland) NOT Iran", "drones (Oekraïne OR Rusland) NOT Iran")]
    [InlineData("a AND (", "a")]
    [InlineData("((drones", "drones")]
    [InlineData("drones)) OR", "drones")]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"")]
    [InlineData("title:* *:* /.*/", "title:* *:* /.*/")]
    [InlineData("drones -oekraine", "drones NOT oekraine")]
    [InlineData("drones -\"rode lijnen\"", "drones NOT \"rode lijnen\"")]
    [InlineData("drones - oekraine -5%", "drones - oekraine -5%")]
    [InlineData("drones -(oekraine OR rusland)", "drones NOT (oekraine OR rusland)")]
    [InlineData("drones -”rode lijnen”", "drones NOT \"rode lijnen\"")]
    [InlineData("EDA's rol", "EDA rol")] // an "'s" ending is the word's (the index drops it too)
    [InlineData("WAT IS ER MET DE EDIP", "wat is er met de EDIP")] // all in capitals: its stop words are words, not abbreviations
    [InlineData("NAVO OR EU", "NAVO OR EU")]
    [InlineData("ER", "ER")]
    [InlineData("drones EN counterdrones", "drones counterdrones")] // "EN"/"OF" in capitals are the operators
    [InlineData("Nederland OF België", "Nederland OR België")]
    [InlineData("samenwerking EU en NAVO", "samenwerking EU en NAVO")]
    [InlineData("R & D investeringen", "R&D investeringen")]
    [InlineData("vragen van VVD DE fractie", "vragen van VVD de fractie")] // a stop word in capitals that is no abbreviation
    [InlineData("de ER van 23 oktober", "de ER van 23 oktober")]
    [InlineData("drones~2", "drones")] // search-engine syntax for fuzzy, boost and near: not words to find (QA pass)
    [InlineData("drones^3 oekraine~", "drones oekraine")]
    [InlineData("\"rode lijnen\"~3 drones~0.5", "\"rode lijnen\" drones")]
    [InlineData("F-35 2~ ~", "F-35 2~")]
    public void Parses_and_repairs(string input, string understood)
    {
        Assert.Equal(understood, UserQueryParser.Parse(input)?.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("()")]
    [InlineData("OR AND NOT")]
    [InlineData("\"\"")]
    public void Nothing_searchable_is_null(string input)
    {
        Assert.Null(UserQueryParser.Parse(input));
    }

    [Fact]
    public void Long_input_is_bounded()
    {
        var node = UserQueryParser.Parse(string.Join(' ', Enumerable.Repeat("drones", 5000)));
        var and = Assert.IsType<AndNode>(node);
        Assert.Equal(UserQueryParser.MaxLeaves, and.Children.Count);
    }

    [Fact]
    public void Deep_nesting_is_bounded()
    {
        var node = UserQueryParser.Parse(new string('(', 10_000) + "drones" + new string(')', 10_000));
        Assert.Null(node);
    }
}
