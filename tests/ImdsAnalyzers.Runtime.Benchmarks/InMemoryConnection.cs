namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>
/// A connection with no network behind it: every request written to it is answered with the same short response,
/// completed asynchronously as a socket read would be. Requests over it cost only HttpClient's own work, so what a
/// variant adds to that work can be measured in nanoseconds instead of being lost in the noise of a network round trip.
/// </summary>
internal sealed class InMemoryConnection : Stream
{
    private static readonly byte[] Response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray();

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = static (_, _) => ValueTask.FromResult<Stream>(new InMemoryConnection()),
    };

    // One response per read: HttpClient reads a response only after it has written the request, and the benchmark
    // sends one request at a time per connection.
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        Response.CopyTo(buffer);
        return Response.Length;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => default;

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
