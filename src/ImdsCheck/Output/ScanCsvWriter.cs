using System.Globalization;
using ImdsCheck.Scanning;

namespace ImdsCheck.Output;

/// <summary>One row per instance (RFC 4180 quoting); failed regions get a row with status "error".</summary>
internal static class ScanCsvWriter
{
    public static void Write(TextWriter output, IReadOnlyList<RegionReport> reports)
    {
        output.WriteLine("region,instanceId,state,httpTokens,httpEndpoint,httpPutResponseHopLimit,metadataNoToken,metadataNoTokenRejected,status,reason");
        foreach (var report in reports)
        {
            if (report.Error is not null)
            {
                WriteRow(output, report.Region, "", "", "", "", "", "", "", "error", report.Error);
                continue;
            }

            foreach (var instance in report.Instances)
            {
                var facts = instance.Facts;
                WriteRow(output, report.Region, facts.InstanceId, facts.State, facts.HttpTokens ?? "", facts.HttpEndpoint ?? "",
                    Number(facts.HopLimit), Number(instance.NoToken.ReportedCount(absentMeansZero: false)), Number(instance.Rejected.ReportedCount(absentMeansZero: true)), instance.Status.ToCliName(), instance.Reason);
            }
        }
    }

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static void WriteRow(TextWriter output, params string[] fields) =>
        output.WriteLine(string.Join(',', fields.Select(Quote)));

    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
