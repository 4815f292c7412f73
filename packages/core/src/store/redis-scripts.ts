/**
 * Lua run atomically by Redis. Each script reads the clock with `TIME`, never the caller's clock, so
 * every replica measures windows and spacing against the same time.
 */

/**
 * GCRA token bucket, the same rule as the in-memory store: `tat` is when the bucket is full again, and a
 * call may go `tolerance` ms ahead of it. KEYS[1] bucket; ARGV[1] interval ms; ARGV[2] tolerance ms.
 * Returns 0 when a token was taken, else the wait in whole ms (nothing taken).
 */
export const TAKE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]))
if not tat or tat < now then tat = now end
local wait = tat - tolerance - now
if wait > 0 then return math.ceil(wait) end
local nextTat = tat + interval
redis.call('SET', KEYS[1], string.format('%.3f', nextTat), 'PX', math.ceil(nextTat - now) + 1000)
return 0
`;

/**
 * Counter whose window opens at the first increment (INCR + PEXPIRE only when no expiry is set, i.e.
 * PEXPIRE NX, written out so Redis 6 runs it too). KEYS[1] counter; ARGV[1] window ms. Returns {count, pttl}.
 */
export const INCR_LUA = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
`;

/** KEYS[1] counter. Returns {count, pttl}, {0, 0} when the window is over. */
export const COUNT_LUA = `
local n = tonumber(redis.call('GET', KEYS[1]))
if not n then return {0, 0} end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {n, ttl}
`;

/** Deletes the lock only when it still holds our token, so a late release never frees someone else's lock. */
export const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
