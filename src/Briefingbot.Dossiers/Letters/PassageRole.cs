namespace Briefingbot.Dossiers.Letters;

/// <summary>What part of a letter a shown passage is.</summary>
public enum PassageRole
{
    Paragraph,
    /// <summary>A heading or title line.</summary>
    Title,
    /// <summary>Members' question (shown only when the letter holds no answer to it).</summary>
    Question,
    /// <summary>The government's answer; <see cref="Search.PassageHit.Question"/> tells which question it answers.</summary>
    Answer,
}
