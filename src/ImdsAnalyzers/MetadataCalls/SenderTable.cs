using Microsoft.CodeAnalysis;
using ImdsAnalyzers.Flow;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>How a sending method gets its URL, method and headers.</summary>
    internal enum SenderKind
    {
        None,

        /// <summary><c>HttpClient.GetStringAsync/GetByteArrayAsync/GetStreamAsync/GetAsync(url, ...)</c>: a GET.</summary>
        HttpClientGet,

        /// <summary><c>HttpClient.PutAsync/PostAsync/PatchAsync/DeleteAsync(url, ...)</c>: only token requests care about these.</summary>
        HttpClientOther,

        /// <summary><c>HttpMessageInvoker.Send/SendAsync(request, ...)</c>, HttpClient included.</summary>
        MessageSend,

        /// <summary><c>WebClient.Download*/OpenRead*(url, ...)</c>: a GET.</summary>
        WebClientRead,

        /// <summary><c>WebClient.OpenWrite*(url, [method])</c>: POST unless a method is given.</summary>
        WebClientOpenWrite,

        /// <summary><c>WebClient.Upload*(url, [method], data)</c>: only token requests care about these.</summary>
        WebClientUpload,

        /// <summary><c>WebRequest.GetResponse/GetResponseAsync/BeginGetResponse()</c> on a request created elsewhere.</summary>
        WebRequestResponse,
    }

    /// <summary>The methods that send a request. The name check comes first because it is cheap and rejects almost every call.</summary>
    internal static class SenderTable
    {
        public static SenderKind Classify(IMethodSymbol method, KnownHttpTypes types)
        {
            if (method.IsStatic)
            {
                return SenderKind.None;
            }

            var candidate = ClassifyName(method.Name);
            if (candidate == SenderKind.None)
            {
                return SenderKind.None;
            }

            var owner = method.ContainingType;
            switch (candidate)
            {
                case SenderKind.HttpClientGet:
                case SenderKind.HttpClientOther:
                    return owner.IsOrDerivesFrom(types.HttpClient) ? candidate : SenderKind.None;
                case SenderKind.MessageSend:
                    return owner.IsOrDerivesFrom(types.MessageInvoker) && method.Parameters.Length > 0 ? candidate : SenderKind.None;
                case SenderKind.WebRequestResponse:
                    return owner.IsOrDerivesFrom(types.WebRequest) ? candidate : SenderKind.None;
                default:
                    return owner.IsOrDerivesFrom(types.WebClient) && method.Parameters.Length > 0 ? candidate : SenderKind.None;
            }
        }

        /// <summary>True for the senders IMDS001 reports; the others only matter when they send a token request.</summary>
        public static bool ReadsMetadata(SenderKind kind) =>
            kind == SenderKind.HttpClientGet || kind == SenderKind.MessageSend || kind == SenderKind.WebClientRead
            || kind == SenderKind.WebClientOpenWrite || kind == SenderKind.WebRequestResponse;

        private static SenderKind ClassifyName(string name)
        {
            switch (name)
            {
                case "GetStringAsync":
                case "GetByteArrayAsync":
                case "GetStreamAsync":
                case "GetAsync":
                    return SenderKind.HttpClientGet;
                case "PutAsync":
                case "PostAsync":
                case "PatchAsync":
                case "DeleteAsync":
                    return SenderKind.HttpClientOther;
                case "Send":
                case "SendAsync":
                    return SenderKind.MessageSend;
                case "DownloadString":
                case "DownloadStringAsync":
                case "DownloadStringTaskAsync":
                case "DownloadData":
                case "DownloadDataAsync":
                case "DownloadDataTaskAsync":
                case "DownloadFile":
                case "DownloadFileAsync":
                case "DownloadFileTaskAsync":
                case "OpenRead":
                case "OpenReadAsync":
                case "OpenReadTaskAsync":
                    return SenderKind.WebClientRead;
                case "OpenWrite":
                case "OpenWriteAsync":
                case "OpenWriteTaskAsync":
                    return SenderKind.WebClientOpenWrite;
                case "UploadString":
                case "UploadStringAsync":
                case "UploadStringTaskAsync":
                case "UploadData":
                case "UploadDataAsync":
                case "UploadDataTaskAsync":
                case "UploadFile":
                case "UploadFileAsync":
                case "UploadFileTaskAsync":
                case "UploadValues":
                case "UploadValuesAsync":
                case "UploadValuesTaskAsync":
                    return SenderKind.WebClientUpload;
                case "GetResponse":
                case "GetResponseAsync":
                case "BeginGetResponse":
                    return SenderKind.WebRequestResponse;
                default:
                    return SenderKind.None;
            }
        }
    }
}
