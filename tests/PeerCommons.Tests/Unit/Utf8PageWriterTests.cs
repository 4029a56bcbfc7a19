using System.Text;
using PeerCommons.Render;

namespace PeerCommons.Tests.Unit;

/// <summary>A page is written as the UTF-8 of exactly the text the templates wrote, whichever way they wrote it.</summary>
public sealed class Utf8PageWriterTests
{
    [Fact]
    public async Task Every_way_of_writing_gives_the_same_utf8_as_the_text_itself()
    {
        var writer = Utf8PageWriter.ForThisThread();
        writer.Write("Peer support · ");
        await writer.WriteAsync("Selbsthilfe – ");
        writer.Write('é');
        await writer.WriteAsync('ü');
        writer.Write("[日本語]".ToCharArray(), 1, 3);
        await writer.WriteAsync(" 🌱 ".ToCharArray(), 0, 4);
        await writer.WriteAsync(" plain".AsMemory());
        writer.Write(" end".AsSpan());

        Assert.Equal("Peer support · Selbsthilfe – éü日本語 🌱  plain end", Encoding.UTF8.GetString(writer.Written));
    }

    [Fact]
    public void A_character_split_over_two_writes_is_written_whole()
    {
        var writer = Utf8PageWriter.ForThisThread();
        var seedling = "🌱"; // two UTF-16 chars
        writer.Write(seedling[0]);
        writer.Write(seedling[1]);
        Assert.Equal(Encoding.UTF8.GetBytes("🌱"), writer.Written.ToArray());
    }

    [Fact]
    public void The_next_page_starts_empty()
    {
        var first = Utf8PageWriter.ForThisThread();
        first.Write(new string('x', 200_000)); // larger than the buffer it starts with
        Assert.Equal(200_000, first.Written.Length);
        var second = Utf8PageWriter.ForThisThread();
        second.Write("<p>next</p>");
        Assert.Equal("<p>next</p>", Encoding.UTF8.GetString(second.Written));
    }
}
