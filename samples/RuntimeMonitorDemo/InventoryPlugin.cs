using System.Reflection;

namespace RuntimeMonitorDemo;

/// <summary>
/// Stands for code that reads instance metadata in a way no static analysis follows: the address comes from
/// configuration, and the HTTP API is found and called through reflection, as plug-in hosts and scripting layers do.
/// </summary>
public static class InventoryPlugin
{
    public static string ReadZone(string metadataBase)
    {
        // "System.Net.WebClient" and "DownloadString" are only strings here.
        var clientType = Type.GetType("System.Net.WebClient, System.Net.WebClient", throwOnError: true)!;
        var client = Activator.CreateInstance(clientType)!;
        try
        {
            var download = clientType.GetMethod("DownloadString", [typeof(string)])!;
            return (string)download.Invoke(client, [metadataBase.TrimEnd('/') + "/latest/meta-data/placement/availability-zone"])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }
}
