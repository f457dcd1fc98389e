using System.Text;

namespace Briefingbot.Dossiers.Ingest;

/// <summary>
/// Reads a corpus file as text, refusing what is not a letter: binary junk, files too large to be a letter,
/// unreadable files. Text is UTF-8; files that are not valid UTF-8 but look like text are read as Windows-1252-ish
/// Latin-1 (older exports), so a stray byte never costs a whole letter.
/// </summary>
internal static class CorpusFileReader
{
    /// <summary>Larger files are not letters (PDF dumps, archives) and would stall the ingest.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null with a reason.</summary>
    public static string? TryRead(string path, out string? problem)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                problem = $"file is larger than {MaxFileBytes / (1024 * 1024)} MB";
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = "file could not be read: " + ex.GetType().Name;
            return null;
        }

        return TryDecode(bytes, out problem);
    }

    public static string? TryDecode(byte[] bytes, out string? problem)
    {
        if (bytes.Length == 0)
        {
            problem = "file is empty";
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }

        if (!LooksLikeText(text))
        {
            problem = "file is not text (binary content)";
            return null;
        }

        problem = null;
        return text;
    }

    /// <summary>Text has (almost) no NULs or other control characters besides line breaks and tabs.</summary>
    internal static bool LooksLikeText(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return false;
            }
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }
        return control <= sample.Length / 100;
    }
}
