using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImdsCheck.Tests.AwsDouble;

/// <summary>
/// An in-process AWS endpoint on loopback (Kestrel) speaking the EC2 query protocol and CloudWatch's
/// AWS JSON 1.0 protocol on one URL, as LocalStack does. The region comes from the SigV4
/// credential scope. Every call is recorded; faults and latency are injected on request.
/// </summary>
public sealed class AwsDoubleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Ec2QueryApi _ec2;
    private readonly CloudWatchJsonApi _cloudWatch;

    private AwsDoubleServer(WebApplication app, SimulatedFleet fleet, DoubleOptions options)
    {
        _app = app;
        Fleet = fleet;
        Options = options;
        _ec2 = new Ec2QueryApi(fleet);
        _cloudWatch = new CloudWatchJsonApi(fleet, options);
    }

    public SimulatedFleet Fleet { get; }

    public DoubleOptions Options { get; }

    public CallLog Calls { get; } = new();

    public FaultInjector Faults { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<AwsDoubleServer> StartAsync(SimulatedFleet fleet, DoubleOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        var server = new AwsDoubleServer(app, fleet, options ?? new DoubleOptions());
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var body = buffer.ToArray();

        if (Options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(Options.Latency).ConfigureAwait(false);
        }

        var target = http.Request.Headers["X-Amz-Target"].ToString();
        var isCloudWatch = target.Length > 0;
        var protocol = isCloudWatch ? "cloudwatch" : "ec2";
        var scope = SigV4Scope.Parse(http.Request.Headers.Authorization.ToString());
        var hasToken = http.Request.Headers.ContainsKey("X-Amz-Security-Token");

        IReadOnlyDictionary<string, string> form = new Dictionary<string, string>();
        JsonElement? json = null;
        string action;
        DoubleResponse response;
        if (isCloudWatch)
        {
            action = target[(target.IndexOf('.') + 1)..];
            try
            {
                json = JsonDocument.Parse(body).RootElement.Clone();
            }
            catch (JsonException)
            {
                json = null;
            }
        }
        else
        {
            form = ParseForm(body);
            action = form.GetValueOrDefault("Action") ?? "";
        }

        response = Check(isCloudWatch, target, http.Request.ContentType, scope, json, action)
                   ?? Inject(protocol, action, scope!.Region)
                   ?? (isCloudWatch ? _cloudWatch.Handle(action, scope.Region, json!.Value) : _ec2.Handle(action, scope.Region, form));

        Calls.Add(new RecordedCall(protocol, scope?.Service ?? "", action, scope?.Region ?? "", scope?.AccessKeyId ?? "", hasToken, form, json, response.Status, response.ErrorCode));

        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        foreach (var header in response.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[header.Key] = header.Value;
        }

        await http.Response.Body.WriteAsync(response.Body).ConfigureAwait(false);
    }

    /// <summary>Protocol and authentication checks a real endpoint makes before looking at the operation.</summary>
    private DoubleResponse? Check(bool isCloudWatch, string target, string? contentType, SigV4Scope? scope, JsonElement? json, string action)
    {
        if (isCloudWatch)
        {
            if (!target.StartsWith("GraniteServiceVersion20100801.", StringComparison.Ordinal))
            {
                return CloudWatchJsonApi.Error(400, "UnknownOperationException", "Sender", "Unknown X-Amz-Target " + target);
            }

            if (contentType != "application/x-amz-json-1.0")
            {
                return CloudWatchJsonApi.Error(400, "SerializationException", "Sender", "Content-Type must be application/x-amz-json-1.0");
            }

            if (json is null || json.Value.ValueKind != JsonValueKind.Object)
            {
                return CloudWatchJsonApi.Error(400, "SerializationException", "Sender", "The body is not a JSON object.");
            }
        }

        var expectedService = isCloudWatch ? "monitoring" : "ec2";
        if (scope is null || scope.Service != expectedService)
        {
            return isCloudWatch
                ? CloudWatchJsonApi.Error(403, "IncompleteSignature", "Sender", $"The request must be signed with SigV4 for service {expectedService}.")
                : Ec2QueryApi.Error(401, "AuthFailure", $"The request must be signed with SigV4 for service {expectedService}.");
        }

        if (Options.AcceptedAccessKeyIds is { } accepted && !accepted.Contains(scope.AccessKeyId))
        {
            return Rejected(isCloudWatch);
        }

        return string.IsNullOrEmpty(action) ? Ec2QueryApi.Error(400, "MissingAction", "The request must contain the parameter Action") : null;
    }

    private DoubleResponse? Inject(string protocol, string action, string region)
    {
        var fault = Faults.Next(protocol, action, region);
        var cloudWatch = protocol == "cloudwatch";
        return fault switch
        {
            null => null,
            FaultKind.Throttle => cloudWatch
                ? CloudWatchJsonApi.Error(400, "Throttling", "Sender", "Rate exceeded")
                : Ec2QueryApi.Error(503, "RequestLimitExceeded", "Request limit exceeded."),
            FaultKind.ServerError => cloudWatch
                ? CloudWatchJsonApi.Error(500, "InternalServiceError", "Receiver", "Internal service error")
                : Ec2QueryApi.Error(500, "InternalError", "An internal error has occurred"),
            FaultKind.AccessDenied => cloudWatch
                ? CloudWatchJsonApi.Error(403, "AccessDenied", "Sender", $"User: arn:aws:iam::123456789012:user/imds-check-test is not authorized to perform: cloudwatch:{action} because no identity-based policy allows the cloudwatch:{action} action")
                : Ec2QueryApi.Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation. Encoded authorization failure message: c29tZS1lbmNvZGVkLW1lc3NhZ2U"),
            _ => Rejected(cloudWatch),
        };
    }

    private static DoubleResponse Rejected(bool cloudWatch) => cloudWatch
        ? CloudWatchJsonApi.Error(403, "InvalidClientTokenId", "Sender", "The security token included in the request is invalid.")
        : Ec2QueryApi.Error(401, "AuthFailure", "AWS was not able to validate the provided access credentials");

    private static Dictionary<string, string> ParseForm(byte[] body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = System.Text.Encoding.UTF8.GetString(body);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=');
            var key = Uri.UnescapeDataString((separator < 0 ? pair : pair[..separator]).Replace('+', ' '));
            var value = separator < 0 ? "" : Uri.UnescapeDataString(pair[(separator + 1)..].Replace('+', ' '));
            form[key] = value;
        }

        return form;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
