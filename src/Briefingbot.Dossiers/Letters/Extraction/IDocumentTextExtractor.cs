namespace Briefingbot.Dossiers.Letters.Extraction;

/// <summary>
/// Turns a downloaded document (officiële bekendmakingen XML, PDF, DOCX, HTML or plain text) into plain text the
/// letter parser reads: paragraphs separated by blank lines, no page furniture. Never throws for bad content: a
/// document that cannot be turned into text gives <see cref="DocumentText.Succeeded"/> false and a reason, so the
/// caller records it and retries later instead of dropping it.
/// </summary>
public interface IDocumentTextExtractor
{
    /// <param name="content">The file's bytes.</param>
    /// <param name="contentType">The MIME type the source gave (e.g. <c>application/pdf</c>), when known.</param>
    /// <param name="fileName">A file name whose extension helps when the MIME type is missing or generic.</param>
    DocumentText Extract(ReadOnlyMemory<byte> content, string? contentType, string? fileName = null);
}

/// <summary>The outcome of <see cref="IDocumentTextExtractor.Extract"/>.</summary>
/// <param name="Succeeded">True when <paramref name="Text"/> holds the document's text.</param>
/// <param name="Text">The text (empty when not succeeded).</param>
/// <param name="Failure">Why it failed, in English, for logs and the sync status (null when succeeded).</param>
/// <param name="Format">What was read: <c>xml</c>, <c>pdf</c>, <c>docx</c>, <c>html</c>, <c>text</c> or <c>unknown</c>.</param>
public sealed record DocumentText(bool Succeeded, string Text, string? Failure, string Format)
{
    public static DocumentText Failed(string format, string reason) => new(false, string.Empty, reason, format);
}
