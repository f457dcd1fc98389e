using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Tests.Letters;

public class LetterParserMetadataTests
{
    [Fact]
    public void Kabinetsappreciatie_witboek_has_its_header_facts()
    {
        var l = SeedCorpus.Get("000");
        Assert.Equal("000_28c287220feeccd7", l.Id);
        Assert.Equal("Kabinetsappreciatie Witboek Europese Defensie Gereedheid 2030", l.Title);
        Assert.Equal("Brief regering", l.DocumentType);
        Assert.Equal(new DateOnly(2025, 4, 11), l.Date);
        Assert.Equal("Tweede Kamer", l.Chamber);
        Assert.Equal("22 112", l.Dossier);
        Assert.Equal("4027", l.DocumentNumber);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/kst-22112-4027.html", l.SourceUrl);
        Assert.Equal(
            ["R.P. Brekelmans, minister van Defensie", "C.C.J. Veldkamp, minister van Buitenlandse Zaken", "D.S. Beljaarts, minister van Economische Zaken"],
            l.Signatories);
    }

    [Fact]
    public void Schriftelijk_overleg_eerste_kamer_is_dated_by_the_answer_letter()
    {
        var l = SeedCorpus.Get("001");
        Assert.Equal("Overleg gevoerd met de minister van Defensie over het Witboek Europese Defensie Gereedheid", l.Title);
        Assert.Equal("Schriftelijk overleg", l.DocumentType);
        Assert.Equal([new DateOnly(2025, 6, 17), new DateOnly(2025, 8, 28)], l.Dates);
        Assert.Equal(new DateOnly(2025, 8, 28), l.Date);
        Assert.Equal("Eerste Kamer", l.Chamber);
        Assert.Null(l.Dossier);
        Assert.Null(l.DocumentNumber);
        Assert.Null(l.SourceUrl);
        Assert.Contains("Gijs Tuinman, staatssecretaris van Defensie", l.Signatories);
        Assert.DoesNotContain(l.Signatories, s => s.Contains("Petersen", StringComparison.Ordinal));
        // The committee's letter is signed name first, by its chair: not a government signatory, but a signer.
        Assert.Equal(["Koen Petersen, voorzitter van de vaste commissie voor Buitenlandse Zaken, Defensie en Ontwikkelingshulp"], l.CommitteeSigners);
    }

    [Fact]
    public void Markdown_nota_has_dossier_with_roman_suffix_and_letter_number()
    {
        var l = SeedCorpus.Get("002");
        Assert.Equal("Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2024", l.Title);
        Assert.Equal("Nota naar aanleiding van het verslag", l.DocumentType);
        Assert.Equal(new DateOnly(2024, 4, 12), l.Date);
        Assert.Equal("36 410 X", l.Dossier);
        Assert.Equal("C", l.DocumentNumber);
        Assert.Equal("Eerste Kamer", l.Chamber);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/kst-36410-X-C.html", l.SourceUrl);
        Assert.Equal(["drs. K.H. Ollongren, minister van Defensie", "mr. drs. C.A. van der Maat, staatssecretaris van Defensie"], l.Signatories);
    }

    [Fact]
    public void Web_capture_reads_title_type_and_ids_past_the_navigation()
    {
        var l = SeedCorpus.Get("003");
        Assert.Equal("Europese defensiesamenwerking en specialisatie en appreciatie van rapport Specialising in European defence van Instituut Clingendael", l.Title);
        Assert.Equal("Brief regering", l.DocumentType);
        Assert.Equal(new DateOnly(2022, 12, 22), l.Date);
        Assert.Equal("Tweede Kamer", l.Chamber);
        Assert.Equal("33 279", l.Dossier);
        Assert.Equal("36", l.DocumentNumber);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/kst-33279-36.html", l.SourceUrl);
        Assert.Equal("2022D56473", l.ExternalId);
        Assert.Equal(["K.H. Ollongren, minister van Defensie", "C.A. van der Maat, staatssecretaris van Defensie"], l.Signatories);
    }

    [Fact]
    public void Letter_without_header_has_unknown_date_and_dossier()
    {
        var l = SeedCorpus.Get("004");
        // The meeting date (1 december 2025) is not the letter's date: the letter states none.
        Assert.Null(l.Date);
        Assert.Empty(l.Dates);
        // What its title tells: the meeting it precedes (a date bound), and that meeting's standard dossier, whose
        // page is the honest source link (no document number is stated, so no kst link is made up).
        Assert.Equal("RBZ Defensie", l.Meeting);
        Assert.Equal(new DateOnly(2025, 12, 1), l.MeetingDate);
        Assert.Equal("21 501-28", l.Dossier);
        Assert.Null(l.DocumentNumber);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/dossier/21501-28", l.SourceUrl);
        Assert.Null(l.Chamber);
        Assert.Equal("Schriftelijk overleg", l.DocumentType);
        Assert.Equal("Schriftelijk overleg over de geannoteerde agenda voor de Raad buitenlandse zaken Defensie van 1 december 2025", l.Title);
    }

    [Fact]
    public void Content_hash_is_sha256_of_the_raw_text_and_id_is_the_file_name()
    {
        var l = new LetterParser().Parse("/some/dir/123_abc.md", "Hallo");
        Assert.Equal("123_abc", l.Id);
        Assert.Equal("123_abc.md", l.SourceFile);
        Assert.Equal("753694413698530628b9d4f8b1c2ae4a6e4e3b0c37d0c0b5d7e1f1d9a5f3c0a3".Length, l.ContentHash.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Hallo"u8)), l.ContentHash);
    }
}
