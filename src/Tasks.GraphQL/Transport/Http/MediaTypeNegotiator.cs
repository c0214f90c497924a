using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Tasks.GraphQL.Transport.Http;

/// <summary>
/// Content negotiation by RFC 9110 rules: each media type the endpoint can send takes the quality of the most
/// specific range that matches it; the highest quality wins, then the more specific match (an explicit
/// <c>application/json</c> beats <c>*/*</c>), then the server's order: <c>application/graphql-response+json</c>,
/// <c>application/json</c>, <c>text/event-stream</c>.
/// </summary>
internal static class MediaTypeNegotiator
{
    // GraphQL over HTTP (after the 2025 watershed): no Accept header means application/graphql-response+json.
    private static readonly IList<MediaTypeHeaderValue> MissingAcceptHeader = [new MediaTypeHeaderValue(GraphQLMediaTypes.GraphQLResponseJson)];

    public static AcceptedMediaTypes Negotiate(StringValues acceptHeader, bool eventStreamEnabled)
    {
        var ranges = ParseAccept(acceptHeader);
        var graphQLResponseJson = Score(ranges, "application", "graphql-response+json");
        var json = Score(ranges, "application", "json");
        var eventStream = eventStreamEnabled ? Score(ranges, "text", "event-stream") : default;

        ResponseMediaType? preferredJson = Best((ResponseMediaType.GraphQLResponseJson, graphQLResponseJson), (ResponseMediaType.Json, json));
        ResponseMediaType? preferred = Best((ResponseMediaType.GraphQLResponseJson, graphQLResponseJson), (ResponseMediaType.Json, json), (ResponseMediaType.EventStream, eventStream));
        return new AcceptedMediaTypes(preferred, preferredJson, eventStream.IsAcceptable);
    }

    /// <summary>Whether the client names <c>text/html</c> itself (a browser navigating), not merely through a wildcard.</summary>
    public static bool AcceptsHtml(StringValues acceptHeader)
    {
        foreach (var range in ParseAccept(acceptHeader))
        {
            if (range.MediaType.Equals(GraphQLMediaTypes.Html, StringComparison.OrdinalIgnoreCase) && (range.Quality ?? 1) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static IList<MediaTypeHeaderValue> ParseAccept(StringValues acceptHeader)
    {
        if (StringValues.IsNullOrEmpty(acceptHeader) || acceptHeader.All(string.IsNullOrWhiteSpace))
        {
            return MissingAcceptHeader;
        }

        // The lenient parser skips malformed ranges; a header with nothing usable then accepts nothing (406).
        return MediaTypeHeaderValue.TryParseList(acceptHeader, out var ranges) ? ranges : [];
    }

    private static ResponseMediaType? Best(params ReadOnlySpan<(ResponseMediaType MediaType, Match Match)> candidates)
    {
        ResponseMediaType? best = null;
        Match bestMatch = default;
        // Candidates come in the server's order of preference, so a strict improvement is needed to displace one.
        foreach (var (mediaType, match) in candidates)
        {
            if (match.IsAcceptable && (best is null || match.IsBetterThan(bestMatch)))
            {
                best = mediaType;
                bestMatch = match;
            }
        }

        return best;
    }

    private static Match Score(IList<MediaTypeHeaderValue> ranges, string type, string subType)
    {
        var result = default(Match);
        foreach (var range in ranges)
        {
            var specificity = Specificity(range, type, subType);
            if (specificity < 0 || !IsUtf8OrUnspecified(range.Charset))
            {
                continue;
            }

            var quality = range.Quality ?? 1d;
            if (specificity > result.Specificity)
            {
                result = new Match(quality, specificity);
            }
            else if (specificity == result.Specificity && quality > result.Quality)
            {
                result = result with { Quality = quality };
            }
        }

        return result;
    }

    /// <summary>3 for <c>type/subtype</c>, 2 for <c>type/*</c>, 1 for <c>*/*</c>, -1 when the range does not match.</summary>
    private static int Specificity(MediaTypeHeaderValue range, string type, string subType)
    {
        if (range.MatchesAllTypes)
        {
            return 1;
        }

        if (!range.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        if (range.MatchesAllSubTypes)
        {
            return 2;
        }

        return range.SubType.Equals(subType, StringComparison.OrdinalIgnoreCase) ? 3 : -1;
    }

    /// <summary>The transport only writes UTF-8; a range that demands another charset does not match.</summary>
    internal static bool IsUtf8OrUnspecified(StringSegment charset)
    {
        if (StringSegment.IsNullOrEmpty(charset))
        {
            return true;
        }

        var name = HeaderUtilities.RemoveQuotes(charset);
        return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    /// <param name="Quality">The q-value of the most specific matching range; 0 when none matches.</param>
    /// <param name="Specificity">How specific that range is; 0 when none matches.</param>
    private readonly record struct Match(double Quality, int Specificity)
    {
        public bool IsAcceptable => Specificity > 0 && Quality > 0;

        public bool IsBetterThan(Match other) =>
            Quality > other.Quality || (Quality == other.Quality && Specificity > other.Specificity);
    }
}
