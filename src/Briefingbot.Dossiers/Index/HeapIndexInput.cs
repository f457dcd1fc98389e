using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// A read-only <see cref="IndexInput"/> over a file's bytes held in managed memory. Lucene's segment files never
/// change once written, so a copy read at open time stays exact for the reader's whole life. Clones (one per term
/// enumeration) share the bytes and cost a few fields: no buffer, no file handle, no system call per read.
/// </summary>
internal sealed class HeapIndexInput : IndexInput
{
    private readonly byte[] _bytes;
    private readonly int _length;
    private readonly Action? _onDispose;
    private int _position;
    private bool _isClone;
    private int _disposed;

    public HeapIndexInput(string resourceDescription, byte[] bytes, Action? onDispose = null)
        : base(resourceDescription)
    {
        _bytes = bytes;
        _length = bytes.Length;
        _onDispose = onDispose;
    }

    /// <summary>
    /// Reads the whole of <paramref name="source"/> into memory (the caller still disposes it).
    /// <paramref name="onDispose"/> runs once, when this input (not a clone) is disposed.
    /// </summary>
    public static HeapIndexInput ReadFully(string resourceDescription, IndexInput source, Action? onDispose = null)
    {
        var length = source.Length;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(source), length, "File too large to hold in memory.");
        }
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        source.Seek(0);
        source.ReadBytes(bytes, 0, bytes.Length);
        return new HeapIndexInput(resourceDescription, bytes, onDispose);
    }

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if ((ulong)pos > (ulong)_length)
        {
            throw new EndOfStreamException($"Seek past end of {this}: {pos} > {_length}.");
        }
        _position = (int)pos;
    }

    public override byte ReadByte()
    {
        if (_position >= _length)
        {
            throw new EndOfStreamException($"Read past end of {this}.");
        }
        return _bytes[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        if (len > _length - _position)
        {
            throw new EndOfStreamException($"Read past end of {this}.");
        }
        Buffer.BlockCopy(_bytes, _position, b, offset, len);
        _position += len;
    }

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public override int ReadVInt32()
    {
        if (_length - _position < 5)
        {
            return base.ReadVInt32(); // near the end: the byte-wise reader checks every byte
        }
        var bytes = _bytes;
        var i = _position;
        int b = bytes[i++];
        var value = b & 0x7F;
        for (var shift = 7; (b & 0x80) != 0 && shift <= 28; shift += 7)
        {
            b = bytes[i++];
            value |= (b & 0x7F) << shift;
        }
        if ((b & 0x80) != 0)
        {
            throw new IOException($"Invalid vInt in {this}.");
        }
        _position = i;
        return value;
    }

    public override long ReadVInt64()
    {
        if (_length - _position < 9)
        {
            return base.ReadVInt64();
        }
        var bytes = _bytes;
        var i = _position;
        long b = bytes[i++];
        var value = b & 0x7F;
        for (var shift = 7; (b & 0x80) != 0 && shift <= 56; shift += 7)
        {
            b = bytes[i++];
            value |= (b & 0x7F) << shift;
        }
        if ((b & 0x80) != 0)
        {
            throw new IOException($"Invalid vLong in {this}.");
        }
        _position = i;
        return value;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _length - _position)
        {
            throw new EndOfStreamException($"Read past end of {this}.");
        }
        var span = new ReadOnlySpan<byte>(_bytes, _position, count);
        _position += count;
        return span;
    }

    /// <summary>Shares the bytes; the position is copied. Lucene never disposes clones, only the original.</summary>
    public override object Clone()
    {
        var clone = (HeapIndexInput)MemberwiseClone();
        clone._isClone = true;
        return clone;
    }

    /// <summary>Nothing to release (the bytes go with the last reference); tells the owner once, for its budget.</summary>
    protected override void Dispose(bool disposing)
    {
        if (!_isClone && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _onDispose?.Invoke();
        }
    }
}
