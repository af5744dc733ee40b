using System.Net;
using ImdsEmulator;

namespace ImdsAnalyzers.Runtime.Tests.Handler;

public sealed class RetryTests
{
    [Fact]
    public async Task A_401_makes_the_handler_fetch_a_new_token_and_send_once_more()
    {
        await using var f = await HandlerFixture.StartAsync();
        await f.Http.GetStringAsync(f.InstanceIdUri);

        f.Emulator.RevokeAllTokens();
        var answer = await f.Http.GetStringAsync(f.InstanceIdUri);

        Assert.Equal(DefaultMetadata.InstanceId, answer);
        Assert.Equal(2, f.Emulator.Counters.TokenRequests);
        Assert.Equal(1, f.Emulator.Counters.InvalidTokenRejected);
        Assert.Equal(2, f.Emulator.Counters.AuthenticatedRequests);
    }

    [Fact]
    public async Task Many_requests_refused_with_the_same_token_share_one_refetch()
    {
        await using var f = await HandlerFixture.StartAsync();
        await f.Http.GetStringAsync(f.InstanceIdUri);

        f.Emulator.RevokeAllTokens();
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => f.Http.GetStringAsync(f.InstanceIdUri)));

        Assert.All(answers, answer => Assert.Equal(DefaultMetadata.InstanceId, answer));
        Assert.Equal(2, f.Emulator.Counters.TokenRequests);
    }

    [Fact]
    public async Task The_retry_happens_once_and_a_second_401_reaches_the_caller()
    {
        // Every metadata request finds its token revoked, the retry's fresh one included.
        await using var f = await HandlerFixture.StartAsync();
        var revoking = new RevokeOnEveryRequest(f.Emulator);
        var handler = new ImdsTokenHandler(revoking, new ImdsTokenHandlerOptions { Endpoint = f.Emulator.BaseAddress, EnvironmentVariables = _ => null });
        revoking.InnerHandler = Support.LoopbackHttp.Handler();
        using var http = new HttpClient(handler);

        using var response = await http.GetAsync(f.InstanceIdUri);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, f.Emulator.Counters.TokenRequests);
        Assert.Equal(2, f.Emulator.Counters.InvalidTokenRejected);
    }

    [Fact]
    public async Task A_request_with_unbufferable_content_is_sent_again_whole()
    {
        await using var f = await HandlerFixture.StartAsync();
        await f.Http.GetStringAsync(f.InstanceIdUri);
        f.Emulator.RevokeAllTokens();

        // A stream that cannot seek can be read once; the handler must buffer it to send it twice.
        var request = new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri)
        {
            Content = new StreamContent(new ReadOnceStream("probe body"u8.ToArray())),
        };
        using var response = await f.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, f.Emulator.Counters.InvalidTokenRejected);
    }

    /// <summary>Revokes every token just before each metadata request goes out, so every request is refused.</summary>
    private sealed class RevokeOnEveryRequest(MetadataEmulator emulator) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                emulator.RevokeAllTokens();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class ReadOnceStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
