using Briefingbot.Dossiers.Promises;

namespace Briefingbot.Dossiers.Tests.Promises;

public class DeadlineResolverTests
{
    private static readonly DateOnly Letter = new(2025, 8, 28);

    [Theory]
    [InlineData("Het kabinet informeert de Kamer voor de zomer over de voortgang.", "2026-07-01")]
    [InlineData("U ontvangt de brief voor het zomerreces.", "2026-07-01")]
    [InlineData("U ontvangt de brief voor de zomer van 2027.", "2027-07-01")]
    [InlineData("De conceptwet wordt in het najaar aangeboden.", "2025-12-01")]
    [InlineData("zal het kabinet begin 2026 met een voortgangsbrief komen", "2026-03-31")]
    [InlineData("De evaluatie volgt medio 2026.", "2026-06-30")]
    [InlineData("De nota volgt eind 2026.", "2026-12-31")]
    [InlineData("U ontvangt de reactie voor het einde van het jaar.", "2025-12-31")]
    [InlineData("U ontvangt binnen vier weken een reactie.", "2025-09-25")]
    [InlineData("U ontvangt de brief uiterlijk 1 maart 2026.", "2026-03-01")]
    [InlineData("De Kamer wordt na de zomer geïnformeerd.", "2025-10-01")]
    public void Phrases_resolve_by_the_documented_conventions(string sentence, string expected)
    {
        var (phrase, due) = DeadlineResolver.Resolve(sentence, Letter);
        Assert.NotNull(phrase);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void Voor_de_zomer_in_spring_is_this_years_july()
    {
        Assert.Equal(new DateOnly(2025, 7, 1), DeadlineResolver.Resolve("voor de zomer", new DateOnly(2025, 4, 11)).Due);
    }

    [Theory]
    [InlineData("Uw Kamer wordt tijdig geïnformeerd.")]
    [InlineData("Uw Kamer wordt binnenkort geïnformeerd.")]
    [InlineData("Hierover zal uw Kamer separaat worden geïnformeerd.")]
    [InlineData("Uw Kamer wordt geïnformeerd.")]
    public void Vague_or_missing_deadlines_have_no_due_date(string sentence)
    {
        Assert.Null(DeadlineResolver.Resolve(sentence, Letter).Due);
    }

    [Fact]
    public void Relative_phrases_need_the_letter_date()
    {
        Assert.Null(DeadlineResolver.Resolve("binnen vier weken", null).Due);
        Assert.Null(DeadlineResolver.Resolve("voor de zomer", null).Due);
        Assert.Equal(new DateOnly(2026, 3, 31), DeadlineResolver.Resolve("begin 2026", null).Due);
    }
}
