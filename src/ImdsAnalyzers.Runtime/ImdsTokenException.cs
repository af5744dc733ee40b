using System.Net;

namespace ImdsAnalyzers.Runtime;

/// <summary>The session token could not be had: the token PUT failed, timed out or was refused.</summary>
public sealed class ImdsTokenException : HttpRequestException
{
    public ImdsTokenException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException, statusCode)
    {
    }
}
