using System.Net;

namespace ImdsEmulator.Tests;

/// <summary>Raw IMDS requests, spelled out so that each test shows exactly what it sends.</summary>
internal static class Imds
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    public static HttpClient Client(MetadataEmulator emulator) => new() { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static Task<HttpResponseMessage> PutTokenAsync(HttpClient http, string? ttl = "21600", string path = "latest/api/token", Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path);
        if (ttl is not null)
        {
            request.Headers.TryAddWithoutValidation(TtlHeader, ttl);
        }

        configure?.Invoke(request);
        return http.SendAsync(request);
    }

    public static async Task<string> TokenAsync(HttpClient http, string ttl = "21600")
    {
        using var response = await PutTokenAsync(http, ttl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation(TokenHeader, token);
        }

        return http.SendAsync(request);
    }

    public static async Task<(HttpStatusCode Status, string Body)> ReadAsync(Task<HttpResponseMessage> pending)
    {
        using var response = await pending;
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
