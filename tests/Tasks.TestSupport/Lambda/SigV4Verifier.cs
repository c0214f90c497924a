using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tasks.TestSupport.Lambda;

/// <summary>The outcome of checking one request's signature.</summary>
/// <param name="IsValid">Whether the signature holds.</param>
/// <param name="ErrorType">Why not, as the AWS exception type (<c>InvalidSignatureException</c>, <c>UnrecognizedClientException</c>).</param>
/// <param name="Message">Why not, in words.</param>
/// <param name="CanonicalRequest">The canonical request the server computed (once the header could be parsed).</param>
public sealed record SigV4Verification(bool IsValid, string? ErrorType, string? Message, string? CanonicalRequest)
{
    internal static SigV4Verification Refused(string type, string message, string? canonicalRequest = null) =>
        new(false, type, message, canonicalRequest);
}

/// <summary>
/// Checks AWS Signature Version 4 (the Authorization header form) as a service would, written from the specification
/// independently of any client: it parses the Authorization header, recomputes the canonical request from the request as
/// received (method, raw path, query, the signed headers, the body's SHA-256), the string to sign and the signature.
/// </summary>
public sealed class SigV4Verifier
{
    /// <summary>The algorithm name.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>A signature that does not match, a malformed or missing header, or a stale date.</summary>
    public const string InvalidSignature = "InvalidSignatureException";

    /// <summary>An unknown access key or security token.</summary>
    public const string UnrecognizedClient = "UnrecognizedClientException";

    private readonly string accessKeyId;
    private readonly string secretAccessKey;
    private readonly string region;
    private readonly string service;
    private readonly TimeSpan allowedSkew;

    /// <summary>Creates a verifier for one key pair, region and service.</summary>
    /// <param name="accessKeyId">The access key id requests must name.</param>
    /// <param name="secretAccessKey">Its secret.</param>
    /// <param name="region">The region requests must be signed for.</param>
    /// <param name="service">The service requests must be signed for.</param>
    /// <param name="allowedSkew">How far <c>X-Amz-Date</c> may be from the server's clock.</param>
    public SigV4Verifier(string accessKeyId, string secretAccessKey, string region, string service, TimeSpan allowedSkew)
    {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
        this.service = service;
        this.allowedSkew = allowedSkew;
    }

    /// <summary>Checks one request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="rawTarget">The request target exactly as received (path and query, still percent-encoded).</param>
    /// <param name="headers">Every header as received, a repeated name once per value.</param>
    /// <param name="body">The body bytes.</param>
    /// <param name="now">The server's clock.</param>
    /// <returns>Whether it holds, and why not.</returns>
    public SigV4Verification Verify(
        string method,
        string rawTarget,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        DateTimeOffset now)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.ToLowerInvariant();
            if (!byName.TryGetValue(key, out var list))
            {
                byName[key] = list = [];
            }

            list.Add(value);
        }

        if (!byName.TryGetValue("authorization", out var authorizations) || authorizations.Count != 1)
        {
            return SigV4Verification.Refused(InvalidSignature, "Missing Authorization header.");
        }

        if (!TryParseAuthorization(authorizations[0], out var credential, out var signedHeaders, out var signature, out var problem))
        {
            return SigV4Verification.Refused(InvalidSignature, problem);
        }

        var scope = credential.Split('/');
        if (scope.Length != 5)
        {
            return SigV4Verification.Refused(InvalidSignature, $"Credential '{credential}' is not access-key/date/region/service/aws4_request.");
        }

        if (scope[0] != accessKeyId)
        {
            return SigV4Verification.Refused(UnrecognizedClient, "The security token included in the request is invalid.");
        }

        if (!byName.TryGetValue("x-amz-date", out var dates) || dates.Count != 1)
        {
            return SigV4Verification.Refused(InvalidSignature, "Missing X-Amz-Date header.");
        }

        var amzDate = dates[0].Trim();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return SigV4Verification.Refused(InvalidSignature, $"X-Amz-Date '{amzDate}' is not yyyyMMddTHHmmssZ.");
        }

        if ((signedAt - now).Duration() > allowedSkew)
        {
            return SigV4Verification.Refused(
                InvalidSignature,
                string.Create(CultureInfo.InvariantCulture, $"Signature expired: {amzDate} is more than {allowedSkew.TotalMinutes} minutes from the server time {now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}."));
        }

        if (scope[1] != amzDate[..8])
        {
            return SigV4Verification.Refused(InvalidSignature, $"Credential date '{scope[1]}' does not match X-Amz-Date '{amzDate}'.");
        }

        if (scope[2] != region || scope[3] != service || scope[4] != "aws4_request")
        {
            return SigV4Verification.Refused(InvalidSignature, $"Credential scope '{string.Join('/', scope[1..])}' should be '{scope[1]}/{region}/{service}/aws4_request'.");
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return SigV4Verification.Refused(InvalidSignature, "SignedHeaders must include host and x-amz-date.");
        }

        if (byName.ContainsKey("x-amz-security-token") && !names.Contains("x-amz-security-token"))
        {
            return SigV4Verification.Refused(InvalidSignature, "SignedHeaders must include x-amz-security-token when it is sent.");
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0 || names[i].Any(char.IsAsciiLetterUpper) || (i > 0 && string.CompareOrdinal(names[i - 1], names[i]) >= 0))
            {
                return SigV4Verification.Refused(InvalidSignature, $"SignedHeaders '{signedHeaders}' must be lower case, sorted and distinct.");
            }

            if (!byName.ContainsKey(names[i]))
            {
                return SigV4Verification.Refused(InvalidSignature, $"Signed header '{names[i]}' is missing from the request.");
            }
        }

        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (byName.TryGetValue("x-amz-content-sha256", out var claimed) && claimed[0].Trim() != payloadHash)
        {
            return SigV4Verification.Refused(InvalidSignature, "X-Amz-Content-SHA256 does not match the body.");
        }

        var canonicalHeaders = names.Select(n => KeyValuePair.Create(n, string.Join(',', byName[n].Select(TrimAll))));
        var canonicalRequest = CanonicalRequest(method, rawTarget, canonicalHeaders, payloadHash);
        var stringToSign = StringToSign(amzDate, $"{scope[1]}/{region}/{service}/aws4_request", canonicalRequest);
        var expected = Convert.ToHexStringLower(
            HMACSHA256.HashData(SigningKey(secretAccessKey, scope[1], region, service), Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            return SigV4Verification.Refused(
                InvalidSignature,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
                + $"The Canonical String for this request should have been\n'{canonicalRequest}'\nThe String-to-Sign should have been\n'{stringToSign}'",
                canonicalRequest);
        }

        return new SigV4Verification(true, null, null, canonicalRequest);
    }

    /// <summary>The canonical request: method, canonical URI, canonical query, canonical headers, signed headers, payload hash.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="rawTarget">The target as sent (path and query, percent-encoded once).</param>
    /// <param name="headers">The signed headers, lower-case names in order, values already trimmed and joined.</param>
    /// <param name="payloadHash">The hex SHA-256 of the body.</param>
    /// <returns>The canonical request text.</returns>
    public static string CanonicalRequest(string method, string rawTarget, IEnumerable<KeyValuePair<string, string>> headers, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        ArgumentNullException.ThrowIfNull(headers);
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        var list = headers.ToList();
        var text = new StringBuilder();
        text.Append(method).Append('\n');
        text.Append(CanonicalUri(path)).Append('\n');
        text.Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in list)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        text.Append('\n');
        text.Append(string.Join(';', list.Select(h => h.Key))).Append('\n');
        text.Append(payloadHash);
        return text.ToString();
    }

    /// <summary>The string to sign: algorithm, request date, credential scope, hex SHA-256 of the canonical request.</summary>
    /// <param name="amzDate">The <c>X-Amz-Date</c> value.</param>
    /// <param name="credentialScope"><c>date/region/service/aws4_request</c>.</param>
    /// <param name="canonicalRequest">The canonical request.</param>
    /// <returns>The text.</returns>
    public static string StringToSign(string amzDate, string credentialScope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{credentialScope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>The signing key: HMAC-SHA256 chained over date, region, service and <c>aws4_request</c>, keyed first by <c>AWS4</c> + secret.</summary>
    /// <param name="secretAccessKey">The secret.</param>
    /// <param name="date">The <c>yyyyMMdd</c> date.</param>
    /// <param name="region">The region.</param>
    /// <param name="service">The service.</param>
    /// <returns>The key.</returns>
    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return key;
    }

    /// <summary>The hex signature of <paramref name="stringToSign"/>.</summary>
    /// <param name="signingKey">The key from <see cref="SigningKey"/>.</param>
    /// <param name="stringToSign">The string to sign.</param>
    /// <returns>Lower-case hex.</returns>
    public static string Signature(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    private static bool TryParseAuthorization(
        string header,
        out string credential,
        out string signedHeaders,
        out string signature,
        out string problem)
    {
        credential = signedHeaders = signature = problem = string.Empty;
        var value = header.Trim();
        if (!value.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            problem = $"Authorization header does not start with '{Algorithm} '.";
            return false;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in value[(Algorithm.Length + 1)..].Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problem = $"Authorization header component '{part.Trim()}' is not name=value.";
                return false;
            }

            fields[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (!fields.TryGetValue("Credential", out var c) || !fields.TryGetValue("SignedHeaders", out var s) || !fields.TryGetValue("Signature", out var g))
        {
            problem = "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'.";
            return false;
        }

        (credential, signedHeaders, signature) = (c, s, g);
        return true;
    }

    // Every service but S3: normalize the path (remove . and .. segments), then URI-encode each segment of the path as
    // sent, which was encoded once already: the canonical form is encoded twice.
    private static string CanonicalUri(string path)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        var segments = new List<string>();
        var raw = path.Split('/');
        for (var i = 0; i < raw.Length; i++)
        {
            switch (raw[i])
            {
                case ".":
                    break;
                case "..":
                    if (segments.Count > 1)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    break;
                default:
                    segments.Add(raw[i]);
                    break;
            }
        }

        var result = string.Join('/', segments.Select(UriEncode));
        return result.StartsWith('/') ? result : "/" + result;
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            pairs.Add((UriEncode(Uri.UnescapeDataString(name)), UriEncode(Uri.UnescapeDataString(value))));
        }

        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    // RFC 3986 unreserved characters stay; every other UTF-8 byte becomes %XX (upper-case hex).
    private static string UriEncode(string text)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                result.Append(c);
            }
            else
            {
                result.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return result.ToString();
    }

    // Trim, and reduce runs of spaces inside the value to one.
    private static string TrimAll(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
