using PeerCommons.Model;

namespace PeerCommons.Tests.Unit;

/// <summary>A text thousands of entries repeat is kept once, whether it comes as a string or read in place.</summary>
public sealed class SharedStringsTests
{
    [Fact]
    public void Equal_texts_give_one_string_and_keep_their_value()
    {
        var first = SharedStrings.Get(new string("shared-strings-test-tag".AsSpan()));
        var again = SharedStrings.Get(new string("shared-strings-test-tag".AsSpan()));
        var inPlace = SharedStrings.Get("[@shared-strings-test-tag]".AsSpan(2, 23));
        Assert.Equal("shared-strings-test-tag", first);
        Assert.Same(first, again);
        Assert.Same(first, inPlace);
    }
}
