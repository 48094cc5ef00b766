using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AyonShotgrid.Grains.Http;
using AyonShotgrid.Grains.Options;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// ShotGrid REST client shared by every grain of a silo. Every call it makes is a read, so every call is retried on
/// transient failures; a 401 re-mints the token once. (A future create must pass <c>retry: false</c>: ShotGrid has no
/// unique keys, so a retried create that had in fact committed would duplicate the row.)
/// </summary>
public sealed partial class ShotGridClient : IShotGridClient, IDisposable
{
    private const string TokenPath = "/api/v1/auth/access_token";
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(600);

    private readonly IOptions<ShotGridOptions> _currentOptions;
    private readonly TimeProvider _time;
    private readonly RetryingHttpCaller _http;
    private readonly ShotGridTokenCache _tokens;
    private volatile string? _lastTokenValue;
    private volatile string? _tokenCredentials;

    public ShotGridClient(IOptions<ShotGridOptions> options, ILogger<ShotGridClient> logger, TimeProvider? timeProvider = null)
    {
        _currentOptions = options;
        _time = timeProvider ?? TimeProvider.System;
        _http = new RetryingHttpCaller(
            new HttpCallerSettings("ShotGrid", Current.Url, Current.RequestTimeout, Current.MaxAttempts, _time, Current.CircuitBreakDuration),
            logger,
            (message, inner) => new ShotGridException(Redact(message), inner: inner));
        _tokens = new ShotGridTokenCache(MintAsync, _time);
    }

    public async Task<IReadOnlyList<SgRecord>> SearchAllAsync(
        string entityType, SgFilter filter, IReadOnlyList<string> fields, CancellationToken cancellationToken,
        string? sort = null, int pageSize = 500, bool retiredOnly = false)
    {
        var all = new List<SgRecord>();
        IReadOnlyList<SgRecord>? previous = null;
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await SearchPageAsync(entityType, filter, fields, pageNumber, pageSize, cancellationToken, sort, retiredOnly);
            all.AddRange(page);

            // links.next is present on every page, even empty ones: a short page is the only reliable end.
            if (page.Count < pageSize)
            {
                return all;
            }

            if (previous is not null && page.Select(r => r.Id).SequenceEqual(previous.Select(r => r.Id)))
            {
                throw new ShotGridException($"ShotGrid returned the same {entityType} page twice (page {pageNumber}); it seems to ignore paging.");
            }

            previous = page;
        }
    }

    public async Task<IReadOnlyList<SgRecord>> SearchPageAsync(
        string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageNumber, int pageSize,
        CancellationToken cancellationToken, string? sort = null, bool retiredOnly = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 5000);

        var path = $"/api/v1/entity/{Uri.EscapeDataString(ShotGridSlugs.ForEntityType(entityType))}/_search";
        var body = ShotGridSearchBody.Build(filter, fields, sort, pageNumber, pageSize, retiredOnly).ToJsonString();
        using var doc = await SendAuthorizedAsync(
            HttpMethod.Post, path, (request, ct) => request.SendAsync(HttpMethod.Post, VendorJson(body), cancellationToken: ct),
            nullOnNotFound: false, cancellationToken);
        return ShotGridJson.ReadRecordList(doc!.RootElement);
    }

    public async Task<SgRecord?> FindOneAsync(
        string entityType, long id, IReadOnlyList<string> fields, CancellationToken cancellationToken, bool retiredOnly = false)
    {
        var path = $"/api/v1/entity/{Uri.EscapeDataString(ShotGridSlugs.ForEntityType(entityType))}/{id}";
        using var doc = await SendAuthorizedAsync(
            HttpMethod.Get,
            path,
            (request, ct) =>
            {
                if (fields.Count > 0)
                {
                    request.SetQueryParam("fields", string.Join(',', fields));
                }

                if (retiredOnly)
                {
                    request.SetQueryParam("options[return_only]", "retired");
                }

                return request.SendAsync(HttpMethod.Get, cancellationToken: ct);
            },
            nullOnNotFound: true,
            cancellationToken);
        return doc is not null && doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? ShotGridJson.ReadRecord(data)
            : null;
    }

    public async Task<IReadOnlyDictionary<string, SgField>> GetFieldsAsync(string entityType, CancellationToken cancellationToken)
    {
        var path = $"/api/v1/schema/{Uri.EscapeDataString(entityType)}/fields";
        using var doc = await SendAuthorizedAsync(
            HttpMethod.Get, path, (request, ct) => request.SendAsync(HttpMethod.Get, cancellationToken: ct), nullOnNotFound: false, cancellationToken);
        return ShotGridJson.ReadFields(doc!.RootElement);
    }

    public async Task<long?> GetApiUserIdAsync(CancellationToken cancellationToken) =>
        ShotGridJwt.ReadUserId((await CurrentTokenAsync(cancellationToken)).Value);

    public void Dispose()
    {
        _http.Dispose();
        _tokens.Dispose();
    }

    private async Task<JsonDocument?> SendAuthorizedAsync(
        HttpMethod method, string path, Func<IFlurlRequest, CancellationToken, Task<IFlurlResponse>> send, bool nullOnNotFound,
        CancellationToken cancellationToken)
    {
        var token = await CurrentTokenAsync(cancellationToken);
        var response = await SendWithAsync(token);
        if (response.StatusCode == 401)
        {
            // Expired early or revoked: one fresh token, one more try. A second 401 is a real refusal.
            response.Dispose();
            token = await _tokens.RenewAsync(token, cancellationToken);
            response = await SendWithAsync(token);
        }

        using (response)
        {
            return await ReadAsync(method, path, response, nullOnNotFound);
        }

        Task<IFlurlResponse> SendWithAsync(ShotGridAccessToken t) => _http.SendAsync(
            method, path, (request, ct) => send(request.WithOAuthBearerToken(t.Value).WithHeader("Accept", "application/json"), ct),
            retry: true, cancellationToken);
    }

    /// <summary>The shared token, re-minted first when the script name or key changed (settings re-read from AYON).</summary>
    private async Task<ShotGridAccessToken> CurrentTokenAsync(CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAsync(cancellationToken);
        return _tokenCredentials is { } mintedWith && mintedWith != Credentials(Current)
            ? await _tokens.RenewAsync(token, cancellationToken)
            : token;
    }

    private async Task<JsonDocument?> ReadAsync(HttpMethod method, string path, IFlurlResponse response, bool nullOnNotFound)
    {
        var status = response.StatusCode;
        if (status is < 200 or > 299)
        {
            var body = await response.GetStringAsync();

            // 404 code 104 is "no such record" (or retired); code 103 is an unknown entity type, a bug worth surfacing.
            if (status == 404 && nullOnNotFound)
            {
                var notFound = ShotGridErrors.FromResponse(method.Method, path, status, body, Current.ApiKey, _lastTokenValue);
                return notFound.Code == 103 ? throw notFound : null;
            }

            throw ShotGridErrors.FromResponse(method.Method, path, status, body, Current.ApiKey, _lastTokenValue);
        }

        try
        {
            // Parsed from the stream into pooled buffers: a page of 500 records read as a string first was a large-object
            // allocation (twice its size in UTF-16) per page, reclaimed only by full collections.
            await using var stream = await response.GetStreamAsync();
            return await JsonDocument.ParseAsync(stream);
        }
        catch (JsonException ex)
        {
            throw new ShotGridException($"ShotGrid {method.Method} {path} answered HTTP {status} with a body that is not JSON.", (System.Net.HttpStatusCode)status, inner: ex);
        }
    }

    private async Task<ShotGridAccessToken> MintAsync(CancellationToken cancellationToken)
    {
        var options = Current;
        var credentials = Credentials(options);
        using var response = await _http.SendAsync(
            HttpMethod.Post,
            TokenPath,
            (request, ct) => request.WithHeader("Accept", "application/json").SendAsync(
                HttpMethod.Post,
                new FormUrlEncodedContent(
                [
                    new("grant_type", "client_credentials"),
                    new("client_id", options.ScriptName),
                    new("client_secret", options.ApiKey),
                ]),
                cancellationToken: ct),
            retry: true,
            cancellationToken);

        var body = await response.GetStringAsync();
        if (response.StatusCode is < 200 or > 299)
        {
            throw ShotGridErrors.FromResponse("POST", TokenPath, response.StatusCode, body, Current.ApiKey);
        }

        using var doc = ParseOrNull(body);
        var root = doc?.RootElement;
        if (root is not { ValueKind: JsonValueKind.Object } obj
            || !obj.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String)
        {
            throw new ShotGridException($"ShotGrid POST {TokenPath} answered without an access_token.", (System.Net.HttpStatusCode)response.StatusCode);
        }

        var lifetime = obj.TryGetProperty("expires_in", out var expires) && expires.TryInt32(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultTokenLifetime;
        var value = access.GetString()!;
        _lastTokenValue = value;
        _tokenCredentials = credentials;
        return new ShotGridAccessToken(value, _time.GetUtcNow() + lifetime, lifetime);
    }

    private static JsonDocument? ParseOrNull(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ByteArrayContent VendorJson(string json)
    {
        // Sent bare, without a charset parameter, as ShotGrid lists it (a wrong type is a 415); JSON is UTF-8 anyway.
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue(ShotGridSearchBody.ContentType);
        return content;
    }

    /// <summary>The options as they are now (the URL and timeouts stay as the client was built with).</summary>
    private ShotGridOptions Current => _currentOptions.Value;

    /// <summary>Identifies the credentials a token was minted with, without keeping the key itself around.</summary>
    private static string Credentials(ShotGridOptions options) =>
        options.ScriptName + "\n" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey)));

    private string Redact(string message) => SecretRedactor.Redact(message, Current.ApiKey, _lastTokenValue);
}
