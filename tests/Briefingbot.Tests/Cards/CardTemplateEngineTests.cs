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
        var card = new CardTemplateEngine(JsonNode.Parse("""{"t":"#${n} ${i} ${m}","c":"${n > 10}"}""")!).Expand(data);
        AssertJson("""{"t":"#12 3 1.5","c":true}""", card);
    }

    [Fact]
    public void Interpolation_builds_strings()
    {
        AssertJson("""{"t":"Pagina 2 van 5: ok true"}""", Expand("""{"t":"Pagina ${p + 1} van ${total}: ${s} ${b}"}""", """{"p":1,"total":5,"s":"ok","b":true}"""));
    }

    [Fact]
    public void When_drops_elements_unless_exactly_true()
    {
        AssertJson("""{"body":[{"id":"a"},{"id":"e"}]}""",
            Expand("""{"body":[{"id":"a","$when":"${t}"},{"id":"b","$when":"${f}"},{"id":"c","$when":"${missing}"},{"id":"d","$when":"${s}"},{"id":"e","$when":"${!f && t}"}]}""",
                """{"t":true,"f":false,"s":"yes"}"""));
    }

    [Fact]
    public void Data_arrays_repeat_the_element_with_index_and_root()
    {
        AssertJson("""{"body":[{"t":"0 a q"},{"t":"1 b q"}]}""",
            Expand("""{"body":[{"$data":"${items}","t":"${$index} ${name} ${$root.q}"}]}""", """{"q":"q","items":[{"name":"a"},{"name":"b"}]}"""));
    }

    [Fact]
    public void An_empty_data_array_removes_the_element()
    {
        AssertJson("""{"body":[{"x":1}]}""", Expand("""{"body":[{"$data":"${items}","t":"${name}"},{"x":1}]}""", """{"items":[]}"""));
    }

    [Fact]
    public void Comparisons_functions_and_empty()
    {
        AssertJson("""{"a":"ja","b":true,"c":true,"d":false,"e":true,"f":2}""",
            Expand("""{"a":"${if(n == 3, 'ja', 'nee')}","b":"${empty(z)}","c":"${s != 'x'}","d":"${empty(s)}","e":"${n >= 3}","f":"${count(l)}"}""",
                """{"n":3,"s":"y","z":"","l":[1,2]}"""));
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
    public void Reserved_fields_are_removed_from_the_output()
    {
        AssertJson("""{"type":"AdaptiveCard"}""", Expand("""{"type":"AdaptiveCard","$data":"${x}","$when":"${ok}"}""", """{"x":{"ok":true}}"""));
    }

    [Fact]
    public void A_constant_alone_in_an_expression_is_a_string_as_in_the_official_engine()
    {
        // adaptivecards-templating turns "${true}" into the string "true", so such a $when drops its element.
        Assert.Null(Expand("""{"type":"AdaptiveCard","$when":"${true}"}""", "{}"));
        AssertJson("""{"n":"3"}""", Expand("""{"n":"${3}"}""", "{}"));
    }

    [Fact]
    public void Bad_template_expressions_fail_loudly()
    {
        Assert.Throws<TemplateSyntaxException>(() => new CardTemplateEngine(JsonNode.Parse("""{"a":"${unclosed"}""")!));
        Assert.Throws<TemplateSyntaxException>(() => new CardTemplateEngine(JsonNode.Parse("""{"a":"${1 +}"}""")!));
        Assert.Throws<TemplateEvaluationException>(() => Expand("""{"a":"${nofunction(1)}"}""", "{}"));
    }
}
