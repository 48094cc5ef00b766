namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// One token shared by every grain on the silo. Minting is serialised so a burst of calls at expiry (or a burst of
/// 401s) costs one token request, not one per caller.
/// </summary>
internal sealed class ShotGridTokenCache(Func<CancellationToken, Task<ShotGridAccessToken>> mint, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ShotGridAccessToken? _current;

    public async Task<ShotGridAccessToken> GetAsync(CancellationToken cancellationToken)
    {
        var token = _current;
        if (token is not null && token.IsFresh(time.GetUtcNow()))
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            token = _current;
            if (token is null || !token.IsFresh(time.GetUtcNow()))
            {
                token = _current = await mint(cancellationToken);
            }

            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>ShotGrid refused <paramref name="rejected"/>: mint a new one unless another caller already did.</summary>
    public async Task<ShotGridAccessToken> RenewAsync(ShotGridAccessToken rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current && !ReferenceEquals(current, rejected) && current.IsFresh(time.GetUtcNow()))
            {
                return current;
            }

            return _current = await mint(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
