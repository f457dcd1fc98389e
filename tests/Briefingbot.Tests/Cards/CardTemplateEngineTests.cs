using System.Text.Json.Nodes;
using Briefingbot.Cards.Templating;

namespace Briefingbot.Tests.Cards;

public class CardTemplateEngineTests
{
    private static JsonNode? Expand(string template, string data) =>
        new CardTemplateEngine(JsonNode.Parse(template)!).Expand(JsonNode.Parse(data));

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual?.ToJsonString());

    [Fact]
    public void Paths_keep_their_type_when_they_are_the_whole_string()
    {
        AssertJson("""{"a":"x","n":3,"b":true,"o":{"k":1},"l":[1,2]}""",
            Expand("""{"a":"${s}","n":"${n}","b":"${b}","o":"${o}","l":"${l}"}""", """{"s":"x","n":3,"b":true,"o":{"k":1},"l":[1,2]}"""));
    }

    [Fact]
    public void Numbers_built_in_code_as_int_or_long_expand_like_parsed_numbers()
    {
        // Regression: data built with JsonObject { ["n"] = 12L } made GetValue<double> throw, and every such card
        // silently fell back to text (the promises card in the Playground).
        var data = new JsonObject { ["n"] = 12L, ["i"] = 3, ["m"] = 1.5m };
        var card = new CardTemplateEngine(JsonNode.Parse("""{"t":"#${n} ${i} ${m}","c":"${n}"}""")!).Expand(data);
        AssertJson("""{"t":"#12 3 1.5","c":12}""", card);
    }

    [Fact]
    public void Interpolation_builds_strings()
    {
        AssertJson("""{"t":"Pagina 2 van 5: ok true false"}""", Expand("""{"t":"Pagina ${p} van ${total}: ${s} ${b} ${b && f}"}""", """{"p":2,"total":5,"s":"ok","b":true,"f":false}"""));
    }

    [Fact]
    public void When_drops_elements_unless_exactly_true()
    {
        AssertJson("""{"body":[{"id":"a"},{"id":"e"}]}""",
            Expand("""{"body":[{"id":"a","$when":"${t}"},{"id":"b","$when":"${f}"},{"id":"c","$when":"${missing}"},{"id":"d","$when":"${s}"},{"id":"e","$when":"${f || t}"}]}""",
                """{"t":true,"f":false,"s":"yes"}"""));
    }

    [Fact]
    public void Data_arrays_repeat_the_element_with_root()
    {
        AssertJson("""{"body":[{"t":"a q"},{"t":"b q"}]}""",
            Expand("""{"body":[{"$data":"${items}","t":"${name} ${$root.q}"}]}""", """{"q":"q","items":[{"name":"a"},{"name":"b"}]}"""));
    }

    [Fact]
    public void An_empty_data_array_removes_the_element()
    {
        AssertJson("""{"body":[{"x":1}]}""", Expand("""{"body":[{"$data":"${items}","t":"${name}"},{"x":1}]}""", """{"items":[]}"""));
    }

    [Fact]
    public void A_missing_path_stays_visible_as_in_the_official_engine()
    {
        AssertJson("""{"a":"${nope}","b":"x ${nope.deeper} y"}""", Expand("""{"a":"${nope}","b":"x ${nope.deeper} y"}""", "{}"));
    }

    [Fact]
    public void Data_is_never_parsed_as_a_template()
    {
        var hostile = """{"t":"${$root.secret} \" } { ${x}","secret":"geheim"}""";
        AssertJson("""{"a":"${$root.secret} \" } { ${x}","b":"<${$root.secret} \" } { ${x}>"}""",
            Expand("""{"a":"${t}","b":"<${t}>"}""", hostile));
    }

    [Fact]
    public void A_null_in_text_is_empty_where_the_official_engine_throws()
    {
        // adaptivecards-templating 2.3.1 fails with "Cannot read properties of null (reading 'toString')" on "<${n}>"
        // when n is null; a card with an empty spot is the better failure for a chat answer.
        AssertJson("""{"t":"<>","v":null,"o":null}""", Expand("""{"t":"<${n}>","v":"${n}","o":"${f || n}"}""", """{"n":null,"f":false}"""));
        AssertJson("""{"t":"[]"}""", Expand("""{"t":"[${f || missing}]","o":"${f || missing}"}""", """{"f":false}"""));
    }

    [Fact]
    public void Reserved_fields_are_removed_from_the_output()
    {
        AssertJson("""{"type":"AdaptiveCard"}""", Expand("""{"type":"AdaptiveCard","$data":"${x}","$when":"${ok}"}""", """{"x":{"ok":true}}"""));
    }

    [Theory]
    [InlineData("${if(a, 'x', 'y')}", "function if()")]
    [InlineData("${count(items)}", "function count()")]
    [InlineData("${empty(items)}", "function empty()")]
    [InlineData("x ${string(n)} y", "function string()")]
    [InlineData("${!a}", "'!a' is not supported")]
    [InlineData("${a == b}", "'== b' is not supported")]
    [InlineData("${n + 1}", "'+ 1' is not supported")]
    [InlineData("${items[0]}", "'[0]' is not supported")]
    [InlineData("${(a)}", "'(a)' is not supported")]
    [InlineData("${'text'}", "is not supported")]
    [InlineData("${3}", "is not supported")]
    [InlineData("${true}", "the constant true is not supported")]
    [InlineData("${$index}", "$index is not supported")]
    [InlineData("${a &&}", "expected a data path")]
    [InlineData("${unclosed", "Unclosed")]
    public void A_template_using_what_the_expander_lacks_fails_when_loaded(string expression, string message)
    {
        // The expander holds only what cards/ uses (issue 17). A template that needs more must fail loudly (the card
        // renderer reports CardRenderException, the conformance tests go red), never render something else.
        var template = JsonNode.Parse($$"""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":{{System.Text.Json.JsonSerializer.Serialize(expression)}}}]}""")!;

        var error = Assert.Throws<TemplateSyntaxException>(() => new CardTemplateEngine(template));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_template_in_cards_loads_with_the_trimmed_expander()
    {
        var templates = Directory.GetFiles(NodeCardChecker.CardsFolder, "*.json").Where(f => !f.EndsWith(".data.json", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(templates);
        foreach (var file in templates)
        {
            var engine = new CardTemplateEngine(JsonNode.Parse(File.ReadAllText(file))!);
            Assert.NotNull(engine.Expand(JsonNode.Parse(File.ReadAllText(file.Replace(".json", ".data.json", StringComparison.Ordinal)))));
        }
    }
}
