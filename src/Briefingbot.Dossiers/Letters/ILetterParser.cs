namespace Briefingbot.Dossiers.Letters;

/// <summary>Turns one corpus file into a <see cref="Letter"/>. Never throws on odd content: unknown facts stay null.</summary>
public interface ILetterParser
{
    Letter Parse(string sourceFile, string rawText);
}

/// <summary>Extractive summary: 2-3 sentences of the letter that carry its point.</summary>
public interface ILetterSummarizer
{
    string Summarize(Letter letter);
}
