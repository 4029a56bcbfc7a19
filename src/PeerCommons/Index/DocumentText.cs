using System.Text;
using PeerCommons.Model;
using PeerCommons.Render;

namespace PeerCommons.Index;

/// <summary>
/// The text the index and the store read of one document, in one buffer kept from document to document:
/// the summary, a line break, then the body's plain text. The index takes the whole as its body field (the
/// summary leads the body: one field less means one field vector less per document); the store cuts the body
/// into sections. At 10,000 entries a new plain-text string per document (with its builder's chunks) was
/// 407 MB, and joining the summary to it another 153 MB, of the search thread's 1,257 MB.
/// </summary>
internal sealed class DocumentText
{
    private readonly StringBuilder _body = new();
    private char[] _buffer = new char[4096];
    private int _bodyStart;
    private int _length;

    /// <summary>Summary, line break, body: valid until the next <see cref="Read"/>.</summary>
    public ReadOnlyMemory<char> SummaryAndBody => _buffer.AsMemory(0, _length);

    /// <summary>The body's plain text alone: valid until the next <see cref="Read"/>.</summary>
    public ReadOnlyMemory<char> Body => _buffer.AsMemory(_bodyStart, _length - _bodyStart);

    public void Read(Entry entry, ParsedContent parsed)
    {
        parsed.WritePlainText(entry, _body);
        var summary = entry.Summary;
        _bodyStart = summary.Length + 1;
        _length = _bodyStart + _body.Length;
        if (_buffer.Length < _length) _buffer = new char[Math.Max(_length, 2 * _buffer.Length)];
        summary.CopyTo(_buffer);
        _buffer[summary.Length] = '\n';
        _body.CopyTo(0, _buffer.AsSpan(_bodyStart), _body.Length);
    }
}
