namespace ImdsAnalyzers.Benchmarks.Corpus;

/// <summary>
/// A deterministic code base for the benchmarks: the same seed and size give byte-identical files,
/// so figures from different runs and machines compare. About 3% of the files hold one finding each.
/// </summary>
public static class CorpusGenerator
{
    public const int DefaultSeed = 20260106;
    public const int DefaultFileCount = 1000;

    /// <summary>One file in this many holds a finding.</summary>
    public const int FindingEvery = 32;

    public static IReadOnlyList<CorpusFile> Generate(int fileCount = DefaultFileCount, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var files = new List<CorpusFile>(fileCount);
        var findings = 0;
        for (var i = 0; i < fileCount; i++)
        {
            var area = random.Pick(Names.Areas);
            var roll = random.Next(100);
            string text, kind;
            string? expected = null;
            if (i % FindingEvery == FindingEvery - 1)
            {
                (text, kind, expected) = FindingCode.Generate(findings++, area, i, random);
            }
            else if (roll < 8)
            {
                (text, kind) = (HttpCode.Generate(area, i, random), "http");
            }
            else if (roll < 14)
            {
                (text, kind) = (AwsSdkCode.Generate(area, i, random), "aws");
            }
            else if (roll < 19)
            {
                (text, kind) = (CdkCode.Generate(area, i, random), "cdk");
            }
            else
            {
                (text, kind) = (OrdinaryCode.Generate(area, i, random), "plain");
            }

            files.Add(new CorpusFile($"{area}/{kind}/File{i:D5}.cs", text, kind, expected));
        }

        return files;
    }
}
