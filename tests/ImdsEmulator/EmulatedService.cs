using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ImdsEmulator;

/// <summary>Answers requests the way the EC2 instance metadata service does.</summary>
internal sealed partial class EmulatedService(MetadataEmulator emulator, IReadOnlyDictionary<string, string> metadata, TokenStore tokens, TimeSpan latency, TimeSpan? maxTokenTtl)
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";
    public const int MaxTtlSeconds = 21600;

    private const string VersionsListing = "1.0\n2007-01-19\n2016-09-02\n2021-03-23\nlatest";

    private EmulatorCounters Counters => emulator.Counters;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.Server = "EC2ws";
        response.ContentType = "text/plain";

        var path = request.Path.HasValue ? request.Path.Value! : "/";
        Counters.CountPath(path);

        if (latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(latency, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (path == "/")
        {
            await WriteAsync(response, StatusCodes.Status200OK, VersionsListing);
            return;
        }

        var trimmed = path.AsSpan(1);
        var slash = trimmed.IndexOf('/');
        var version = slash < 0 ? trimmed.ToString() : trimmed[..slash].ToString();
        var rest = slash < 0 ? string.Empty : trimmed[(slash + 1)..].ToString();

        if (!IsVersion(version))
        {
            // Azure's /metadata/ and GCP's /computeMetadata/ live at the same address on other clouds, not on EC2.
            await WriteAsync(response, StatusCodes.Status404NotFound, "Not Found");
            return;
        }

        if (rest == "api/token")
        {
            await HandleTokenAsync(context, version);
            return;
        }

        await HandleMetadataAsync(context, rest);
    }

    private async Task HandleTokenAsync(HttpContext context, string version)
    {
        var request = context.Request;
        var response = context.Response;

        if (!HttpMethods.IsPut(request.Method))
        {
            response.Headers.Allow = "PUT";
            await WriteAsync(response, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
            return;
        }

        Counters.TokenRequested();

        if (version != "latest")
        {
            Counters.TokenRequestRejected();
            await WriteAsync(response, StatusCodes.Status403Forbidden, "Forbidden");
            return;
        }

        // EC2 refuses token requests that went through a proxy, so that a token cannot leave the instance.
        if (request.Headers.ContainsKey("X-Forwarded-For"))
        {
            Counters.TokenRequestRejected();
            await WriteAsync(response, StatusCodes.Status403Forbidden, "Forbidden");
            return;
        }

        if (!TryReadTtl(request, out var requestedSeconds))
        {
            Counters.TokenRequestRejected();
            await WriteAsync(response, StatusCodes.Status400BadRequest, "Bad Request");
            return;
        }

        var ttl = TimeSpan.FromSeconds(requestedSeconds);
        if (maxTokenTtl is { } cap && cap < ttl)
        {
            ttl = cap;
        }

        var token = tokens.Issue(ttl);
        var grantedSeconds = Math.Max(1, (int)Math.Ceiling(ttl.TotalSeconds));
        response.Headers[TtlHeader] = grantedSeconds.ToString(CultureInfo.InvariantCulture);
        await WriteAsync(response, StatusCodes.Status200OK, token);
    }

    private async Task HandleMetadataAsync(HttpContext context, string rest)
    {
        var request = context.Request;
        var response = context.Response;

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            await WriteAsync(response, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
            return;
        }

        var token = request.Headers[TokenHeader];
        if (token.Count > 0)
        {
            if (!tokens.IsValid(token.ToString()))
            {
                Counters.InvalidTokenRefused();
                await WriteAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized");
                return;
            }

            Counters.Authenticated();
        }
        else if (emulator.Tokens == TokenMode.Required)
        {
            Counters.TokenlessRefused();
            await WriteAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }
        else
        {
            Counters.TokenlessServed();
        }

        if (Lookup(rest) is { } body)
        {
            if (rest.StartsWith("dynamic/instance-identity/document", StringComparison.Ordinal)
                || rest.StartsWith("meta-data/iam/security-credentials/", StringComparison.Ordinal) && !rest.EndsWith('/'))
            {
                response.ContentType = "application/json";
            }

            await WriteAsync(response, StatusCodes.Status200OK, body, writeBody: !HttpMethods.IsHead(request.Method));
            return;
        }

        await WriteAsync(response, StatusCodes.Status404NotFound, "Not Found");
    }

    /// <summary>A value, or the listing of a directory (children one a line, directories with a trailing slash).</summary>
    private string? Lookup(string rest)
    {
        if (!rest.EndsWith('/') && metadata.TryGetValue(rest, out var value))
        {
            return value;
        }

        var prefix = rest.Length == 0 || rest.EndsWith('/') ? rest : rest + "/";
        var children = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in metadata.Keys)
        {
            if (key.Length <= prefix.Length || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var child = key.AsSpan(prefix.Length);
            var next = child.IndexOf('/');
            children.Add(next < 0 ? child.ToString() : child[..(next + 1)].ToString());
        }

        return children.Count == 0 ? null : string.Join('\n', children);
    }

    private static bool TryReadTtl(HttpRequest request, out int seconds)
    {
        seconds = 0;
        var values = request.Headers[TtlHeader];
        return values.Count == 1
            && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out seconds)
            && seconds is >= 1 and <= MaxTtlSeconds;
    }

    private static bool IsVersion(string segment) =>
        segment == "latest" || segment == "1.0" || DatedVersion().IsMatch(segment);

    private static Task WriteAsync(HttpResponse response, int status, string body, bool writeBody = true)
    {
        response.StatusCode = status;
        return writeBody ? response.WriteAsync(body) : Task.CompletedTask;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatedVersion();
}
