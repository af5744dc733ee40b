namespace ImdsAnalyzers.Benchmarks.Corpus;

/// <summary>Word lists the generator draws identifiers and literal text from.</summary>
internal static class Names
{
    public static readonly string[] Areas =
    [
        "Billing", "Catalog", "Shipping", "Identity", "Reporting", "Inventory", "Payments", "Search",
        "Notifications", "Scheduling", "Pricing", "Audit", "Telemetry", "Orders", "Profiles", "Support",
    ];

    public static readonly string[] Entities =
    [
        "Invoice", "Product", "Parcel", "Account", "Report", "Item", "Payment", "Query", "Message", "Slot",
        "Quote", "Event", "Metric", "Order", "Profile", "Ticket", "Customer", "Voucher", "Shipment", "Batch",
    ];

    public static readonly string[] Words =
    [
        "alpha", "north", "retry", "pending", "archived", "express", "standard", "weekly", "priority", "draft",
        "approved", "rejected", "eu-west-1", "us-east-1", "premium", "basic", "internal", "external", "legacy", "beta",
    ];

    public static readonly string[] Hosts =
    [
        "https://api.example.com", "https://billing.internal.example.org", "http://localhost:5000",
        "https://status.example.net", "https://search.example.com", "http://10.0.12.7:8080",
    ];

    public static readonly string[] MetadataPaths =
    [
        "instance-id", "ami-id", "hostname", "local-ipv4", "placement/region", "placement/availability-zone",
        "instance-type", "mac", "iam/security-credentials/", "public-keys/",
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
