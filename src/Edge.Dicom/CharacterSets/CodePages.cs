using System.Text;

namespace Edge.Dicom;

/// <summary>Legacy code pages from the in-box <see cref="CodePagesEncodingProvider"/>, registered once.</summary>
internal static class CodePages
{
    // The type initializer runs exactly once, before the first Get.
    private static readonly EncodingProvider s_provider = Register();

    /// <summary>An encoding whose invalid input decodes to U+FFFD and unencodable text encodes to '?'.</summary>
    public static Encoding Get(int codePage)
    {
        Encoding? encoding = s_provider.GetEncoding(codePage, new EncoderReplacementFallback("?"), new DecoderReplacementFallback("\uFFFD"));
        return encoding ?? Encoding.GetEncoding(codePage, new EncoderReplacementFallback("?"), new DecoderReplacementFallback("\uFFFD"));
    }

    private static EncodingProvider Register()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return CodePagesEncodingProvider.Instance;
    }
}
