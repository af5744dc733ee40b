using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace ImdsCheck.CloudWatch;

/// <summary>
/// AWS JSON 1.0 over HTTP: POST / with X-Amz-Target, signed with SigV4 by AWSSDK.Core's
/// <see cref="AWSSigV4Signer"/>, retried with <see cref="BackoffRetryPolicy"/> on throttling and 5xx.
/// </summary>
public sealed class AwsJsonProtocol
{
    public const string ContentType = "application/x-amz-json-1.0";

    internal static readonly JsonSerializerOptions SerializerOptions = CreateSerializerOptions();

    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly RegionEndpoint _region;
    private readonly Uri _endpoint;
    private readonly string _signingName;
    private readonly string _targetPrefix;
    private readonly BackoffRetryPolicy _retry;

    public AwsJsonProtocol(HttpClient http, AWSCredentials credentials, string region, Uri endpoint, string signingName, string targetPrefix, BackoffRetryPolicy retry)
    {
        _http = http;
        _credentials = credentials;
        _region = RegionEndpoint.GetBySystemName(region);
        _endpoint = endpoint;
        _signingName = signingName;
        _targetPrefix = targetPrefix;
        _retry = retry;
    }

    /// <summary>Raised before each retry with the operation, the failed attempt number and the error code.</summary>
    public event Action<string, int, string?>? Retrying;

    public async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : new()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, SerializerOptions);
        for (var attempt = 1; ; attempt++)
        {
            int status;
            string? code;
            string? message;
            Exception? transportError = null;
            try
            {
                using var message0 = await CreateSignedRequestAsync(operation, body, cancellationToken).ConfigureAwait(false);
                using var response = await _http.SendAsync(message0, cancellationToken).ConfigureAwait(false);
                var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return payload.Length == 0
                        ? new TResponse()
                        : JsonSerializer.Deserialize<TResponse>(payload, SerializerOptions) ?? new TResponse();
                }

                status = (int)response.StatusCode;
                (code, message) = ReadError(response, payload);
            }
            catch (HttpRequestException ex)
            {
                status = 0;
                code = "ConnectionFailure";
                message = ex.Message;
                transportError = ex;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                status = 0;
                code = "RequestTimeout";
                message = "the request timed out";
                transportError = ex;
            }
            catch (JsonException ex)
            {
                throw new CloudWatchServiceException(operation, 200, "MalformedResponse", ex.Message, attempt, ex);
            }

            var retryable = transportError is not null || BackoffRetryPolicy.IsRetryable(status, code);
            if (!retryable || attempt >= _retry.MaxAttempts)
            {
                throw new CloudWatchServiceException(operation, status, code, message, attempt, transportError);
            }

            Retrying?.Invoke(operation, attempt, code);
            await Task.Delay(_retry.DelayAfter(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpRequestMessage> CreateSignedRequestAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var target = _targetPrefix + "." + operation;
        var signingRequest = new AWSSigningRequest
        {
            HttpMethod = HttpMethod.Post,
            RequestUri = _endpoint,
            Content = body,
        };
        signingRequest.Headers["Content-Type"] = ContentType;
        signingRequest.Headers["X-Amz-Target"] = target;
        var parameters = new AWSSigV4Parameters
        {
            Credentials = _credentials,
            Region = _region,
            Service = _signingName,
            SignPayload = true,
        };
        var signed = await AWSSigV4Signer.SignAsync(signingRequest, parameters, cancellationToken).ConfigureAwait(false);

        var message = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var header in signed.Headers)
        {
            if (!header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) &&
                !header.Key.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase) &&
                !header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return message;
    }

    /// <summary>
    /// JSON 1.0 errors carry "__type" (possibly "namespace#Code") and "message"; query-compatible
    /// services also send x-amzn-query-error: Code;Sender, whose code matches the documented one.
    /// </summary>
    internal static (string? Code, string? Message) ReadError(HttpResponseMessage response, byte[] payload)
    {
        string? code = null;
        string? message = null;
        if (response.Headers.TryGetValues("x-amzn-query-error", out var queryError))
        {
            var value = queryError.FirstOrDefault();
            if (!string.IsNullOrEmpty(value))
            {
                code = value.Split(';')[0];
            }
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (code is null && (property.NameEquals("__type") || property.NameEquals("code")))
                    {
                        var type = property.Value.GetString()!;
                        code = type[(type.LastIndexOf('#') + 1)..];
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            message ??= Encoding.UTF8.GetString(payload, 0, Math.Min(payload.Length, 200));
        }

        if (code is null && response.Headers.TryGetValues("x-amzn-ErrorType", out var errorType))
        {
            var value = errorType.FirstOrDefault();
            code = value?.Split(':')[0];
        }

        return (code, message);
    }

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new EpochSecondsConverter());
        return options;
    }
}
