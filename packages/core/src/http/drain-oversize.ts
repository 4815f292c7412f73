import type { onRequestHookHandler } from 'fastify';

/** Past this many declared bytes a body is not worth reading: the socket is closed under the sender. */
export const DRAIN_LIMIT = 8 * 1024 * 1024;

/**
 * A body over the limit is refused with 413 and `Connection: close`. Answered before the client has
 * finished writing, the close lands under its pen: it gets EPIPE/ECONNRESET and never reads the 413.
 * Reading and discarding the declared body first (bounded by DRAIN_LIMIT) lets it read the answer.
 */
export const drainOversizeBodies =
  (bodyLimit: number): onRequestHookHandler =>
  (request, _reply, done) => {
    const declared = Number(request.headers['content-length']);
    if (!(declared > bodyLimit && declared <= DRAIN_LIMIT)) return done();
    const raw = request.raw;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      done();
    };
    raw.once('end', finish);
    raw.once('error', finish);
    raw.once('close', finish);
    raw.resume();
  };
