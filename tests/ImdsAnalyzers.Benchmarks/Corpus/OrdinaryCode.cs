using System.Text;

namespace ImdsAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Business code with no cloud calls: records, LINQ, async loops, string formatting and parsing.
/// It carries many string literals, invocations and object creations, the shapes our analyzers look at.
/// </summary>
internal static class OrdinaryCode
{
    private delegate string MethodTemplate(string entity, int variant, Random random);

    private static readonly MethodTemplate[] Methods =
    [
        Add, Top, Summary, ProcessAsync, Normalize, Describe, Parse, Export, FindAsync, Merge, Validate, Histogram,
    ];

    public static string Generate(string area, int index, Random random)
    {
        var entity = random.Pick(Names.Entities) + index;
        var text = new StringBuilder();
        text.AppendLine($$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.IO;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Corpus.{{area}};

            public sealed record {{entity}}(string Id, string Name, decimal Amount, DateTime CreatedAt, IReadOnlyList<string> Tags, int Count);

            public sealed class {{entity}}Service
            {
                private const string Prefix = "{{area.ToUpperInvariant()}}-";
                private readonly Dictionary<string, {{entity}}> _items = new(StringComparer.OrdinalIgnoreCase);
                private readonly List<string> _log = new();

                public int Total => _items.Count;

                public IReadOnlyList<string> Log => _log;
            """);

        var methodCount = 2 + random.Next(3);
        var first = random.Next(Methods.Length);
        for (var m = 0; m < methodCount; m++)
        {
            text.AppendLine();
            text.AppendLine(Methods[(first + m) % Methods.Length](entity, m, random));
        }

        text.AppendLine("}");
        return text.ToString();
    }

    private static string Add(string e, int v, Random r) => $$"""
            public void Add{{v}}({{e}} item)
            {
                if (string.IsNullOrWhiteSpace(item.Id))
                {
                    throw new ArgumentException("An id is required for {{e}}", nameof(item));
                }

                _items[Prefix + item.Id] = item;
                _log.Add($"added {item.Id} ({item.Name}) with {item.Tags.Count} tags at {item.CreatedAt:O}");
            }
        """;

    private static string Top(string e, int v, Random r) => $$"""
            public IReadOnlyList<{{e}}> Top{{v}}(int count, string tag = "{{r.Pick(Names.Words)}}")
            {
                return _items.Values
                    .Where(x => x.Amount > {{r.Next(1, 500)}}m && x.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                    .OrderByDescending(x => x.Amount)
                    .ThenBy(x => x.Name, StringComparer.Ordinal)
                    .Take(count)
                    .ToList();
            }
        """;

    private static string Summary(string e, int v, Random r) => $$"""
            public string Summary{{v}}()
            {
                var builder = new StringBuilder();
                builder.AppendLine("{{e}} summary");
                foreach (var group in _items.Values.GroupBy(x => x.Name.Substring(0, Math.Min(3, x.Name.Length))))
                {
                    builder.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} items, total {2:N2}", group.Key, group.Count(), group.Sum(x => x.Amount)));
                }

                return builder.Append("-- end of ").Append(Prefix).ToString();
            }
        """;

    private static string ProcessAsync(string e, int v, Random r) => $$"""
            public async Task<int> Process{{v}}Async(IEnumerable<string> lines, CancellationToken cancellationToken)
            {
                var processed = 0;
                foreach (var line in lines)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var parts = line.Split('{{(r.Next(2) == 0 ? ',' : ';')}}', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length < 3)
                    {
                        _log.Add("skipped malformed line: " + line);
                        continue;
                    }

                    var amount = decimal.Parse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture);
                    var item = new {{e}}(parts[0], parts[1], amount, DateTime.UtcNow, parts.Skip(3).ToArray(), parts.Length);
                    _items[item.Id] = item;
                    await Task.Delay(TimeSpan.FromMilliseconds({{r.Next(1, 20)}}), cancellationToken).ConfigureAwait(false);
                    processed++;
                }

                _log.Add($"processed {processed} lines");
                return processed;
            }
        """;

    private static string Normalize(string e, int v, Random r) => $$"""
            public static string Normalize{{v}}(string value)
            {
                if (value is null)
                {
                    return string.Empty;
                }

                var trimmed = value.Trim().Replace("  ", " ").Replace("\t", " ");
                return trimmed.StartsWith("{{r.Pick(Names.Words)}}", StringComparison.OrdinalIgnoreCase)
                    ? trimmed.ToUpperInvariant()
                    : string.Concat(trimmed.Substring(0, 1).ToUpperInvariant(), trimmed.Substring(1));
            }
        """;

    private static string Describe(string e, int v, Random r) => $$"""
            public static string Describe{{v}}({{e}} item) => item.Amount switch
            {
                < 0 => "credit",
                0 => "empty",
                < {{r.Next(50, 200)}} => $"small {item.Name}",
                < {{r.Next(500, 5000)}} => $"medium {item.Name} ({item.Count})",
                _ => string.Join("/", item.Tags.DefaultIfEmpty("{{r.Pick(Names.Words)}}")),
            };
        """;

    private static string Parse(string e, int v, Random r) => $$"""
            public static bool TryParse{{v}}(string text, out {{e}}? item)
            {
                item = null;
                var fields = text.Split('|');
                if (fields.Length != 5 || !int.TryParse(fields[4], out var count))
                {
                    return false;
                }

                if (!DateTime.TryParse(fields[3], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var created))
                {
                    created = new DateTime({{2000 + r.Next(25)}}, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                }

                item = new {{e}}(fields[0], fields[1], decimal.TryParse(fields[2], out var amount) ? amount : 0m, created, new List<string> { "{{r.Pick(Names.Words)}}", "{{r.Pick(Names.Words)}}" }, count);
                return true;
            }
        """;

    private static string Export(string e, int v, Random r) => $$"""
            public async Task Export{{v}}Async(TextWriter writer)
            {
                await writer.WriteLineAsync("id,name,amount,created,tags").ConfigureAwait(false);
                foreach (var item in _items.Values.OrderBy(x => x.CreatedAt))
                {
                    var tags = string.Join(";", item.Tags.Select(t => t.Replace(",", "_")));
                    await writer.WriteLineAsync($"{item.Id},{item.Name},{item.Amount.ToString("F2", CultureInfo.InvariantCulture)},{item.CreatedAt:yyyy-MM-dd},{tags}").ConfigureAwait(false);
                }

                await writer.FlushAsync().ConfigureAwait(false);
            }
        """;

    private static string FindAsync(string e, int v, Random r) => $$"""
            public async Task<{{e}}?> Find{{v}}Async(string id, CancellationToken cancellationToken = default)
            {
                await Task.Yield();
                if (_items.TryGetValue(Prefix + id, out var found))
                {
                    return found;
                }

                var fallback = _items.Values.FirstOrDefault(x => x.Id.EndsWith(id, StringComparison.Ordinal) || x.Name.Contains("{{r.Pick(Names.Words)}}"));
                _log.Add(fallback is null ? $"no {{e}} with id {id}" : "found by suffix: " + fallback.Id);
                return fallback;
            }
        """;

    private static string Merge(string e, int v, Random r) => $$"""
            public Dictionary<string, decimal> Merge{{v}}(IEnumerable<{{e}}> others)
            {
                var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var item in _items.Values.Concat(others))
                {
                    totals.TryGetValue(item.Name, out var sum);
                    totals[item.Name] = sum + item.Amount * {{r.Next(1, 10)}};
                }

                return totals.Where(p => p.Value != 0).ToDictionary(p => p.Key.ToLowerInvariant(), p => Math.Round(p.Value, 2));
            }
        """;

    private static string Validate(string e, int v, Random r) => $$"""
            public IEnumerable<string> Validate{{v}}({{e}} item)
            {
                if (item.Name.Length > {{r.Next(20, 80)}})
                {
                    yield return $"name too long: {item.Name.Length} characters";
                }

                if (item.Tags.Any(t => t.Contains(' ')))
                {
                    yield return "tags may not contain spaces";
                }

                if (item.CreatedAt > DateTime.UtcNow.AddDays({{r.Next(1, 30)}}))
                {
                    yield return string.Format("created in the future: {0:u}", item.CreatedAt);
                }
            }
        """;

    private static string Histogram(string e, int v, Random r) => $$"""
            public IReadOnlyDictionary<int, int> Histogram{{v}}(int bucketSize = {{r.Next(5, 50)}})
            {
                var query =
                    from item in _items.Values
                    where item.Count > 0
                    group item by (int)(item.Amount / bucketSize) into bucket
                    orderby bucket.Key
                    select new { bucket.Key, Size = bucket.Count() };
                return query.ToDictionary(b => b.Key * bucketSize, b => b.Size);
            }
        """;
}
