using System;
using System.Collections.Generic;
using System.Globalization;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>What is wrong with a request to the token endpoint. Names are the IMDS002 "Problems" property values.</summary>
    [Flags]
    internal enum TokenRequestProblems
    {
        None = 0,

        /// <summary>Not a PUT; IMDS issues tokens only for PUT (a GET gets 405).</summary>
        Method = 1,

        /// <summary>No X-aws-ec2-metadata-token-ttl-seconds header; IMDS answers 400.</summary>
        MissingTtl = 2,

        /// <summary>A constant TTL outside 1..21600; IMDS answers 400.</summary>
        TtlOutOfRange = 4,

        /// <summary>An X-Forwarded-For header; IMDS rejects such a PUT so that proxies cannot fetch tokens.</summary>
        ForwardedFor = 8,

        /// <summary>A dated version such as /2021-03-23/api/token; IMDS answers 403. Only /latest/api/token issues tokens.</summary>
        DatedPath = 16,
    }

    /// <summary>Finds IMDS002 problems and turns them into the diagnostic's property and message.</summary>
    internal static class TokenRequestCheck
    {
        public const string ProblemsProperty = "Problems";

        private static readonly TokenRequestProblems[] Order =
        {
            TokenRequestProblems.Method,
            TokenRequestProblems.MissingTtl,
            TokenRequestProblems.TtlOutOfRange,
            TokenRequestProblems.ForwardedFor,
            TokenRequestProblems.DatedPath,
        };

        public static TokenRequestProblems Find(MetadataRequest request)
        {
            if (request.Match.Kind != MetadataPathKind.Token)
            {
                return TokenRequestProblems.None;
            }

            var problems = TokenRequestProblems.None;
            if (request.Method != null && request.Method != "PUT")
            {
                problems |= TokenRequestProblems.Method;
            }

            var ttl = request.FindHeader(MetadataHeaders.IsTokenTtl);
            if (ttl is null)
            {
                if (!request.MayHaveHiddenHeaders)
                {
                    problems |= TokenRequestProblems.MissingTtl;
                }
            }
            else if (ttl.Value.IsComplete && !IsValidTtl(ttl.Value.Text))
            {
                problems |= TokenRequestProblems.TtlOutOfRange;
            }

            if (request.HasHeader(MetadataHeaders.IsForwardedFor))
            {
                problems |= TokenRequestProblems.ForwardedFor;
            }

            if (request.Match.IsDatedVersion)
            {
                problems |= TokenRequestProblems.DatedPath;
            }

            return problems;
        }

        public static bool IsValidTtl(string text) =>
            int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && MetadataHeaders.IsValidTtl(seconds);

        /// <summary>Comma-separated names in a fixed order, e.g. "Method,MissingTtl".</summary>
        public static string ToPropertyValue(TokenRequestProblems problems)
        {
            var names = new List<string>(Order.Length);
            foreach (var problem in Order)
            {
                if ((problems & problem) != 0)
                {
                    names.Add(problem.ToString());
                }
            }

            return string.Join(",", names);
        }

        public static TokenRequestProblems FromPropertyValue(string? value)
        {
            var problems = TokenRequestProblems.None;
            if (value is null)
            {
                return problems;
            }

            foreach (var part in value.Split(','))
            {
                if (Enum.TryParse<TokenRequestProblems>(part.Trim(), out var problem))
                {
                    problems |= problem;
                }
            }

            return problems;
        }

        /// <summary>The message's second argument: each problem in words, joined with "; ".</summary>
        public static string Describe(TokenRequestProblems problems, string? method)
        {
            var parts = new List<string>(Order.Length);
            if ((problems & TokenRequestProblems.Method) != 0)
            {
                parts.Add("it is sent with " + (method ?? "another method") + " instead of PUT; IMDS issues tokens only for PUT");
            }

            if ((problems & TokenRequestProblems.MissingTtl) != 0)
            {
                parts.Add("it has no '" + MetadataHeaders.TokenTtlSeconds + "' header (IMDS answers 400)");
            }

            if ((problems & TokenRequestProblems.TtlOutOfRange) != 0)
            {
                parts.Add("its '" + MetadataHeaders.TokenTtlSeconds + "' value is outside 1..21600 (IMDS answers 400)");
            }

            if ((problems & TokenRequestProblems.ForwardedFor) != 0)
            {
                parts.Add("it carries an 'X-Forwarded-For' header, which IMDS rejects on token requests");
            }

            if ((problems & TokenRequestProblems.DatedPath) != 0)
            {
                parts.Add("it uses a dated version path; only /latest/api/token issues tokens (IMDS answers 403)");
            }

            return string.Join("; ", parts);
        }
    }
}
