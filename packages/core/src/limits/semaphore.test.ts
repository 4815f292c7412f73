import { describe, expect, it } from 'vitest';
import { createSemaphore } from './semaphore.js';

describe('createSemaphore', () => {
  it('grants up to its limit, then queues in order and hands each freed slot to the next waiter', async () => {
    const gate = createSemaphore({ limit: 2, maxQueue: 5 });
    const a = await gate.acquire();
    const b = await gate.acquire();
    expect(gate.active).toBe(2);
    const order: string[] = [];
    const queued = (name: string) =>
      gate.acquire().then((r) => {
        order.push(name);
        return r;
      });
    const c = queued('c');
    const d = queued('d');
    expect(gate.waiting).toBe(2);
    if (a.ok) a.release();
    const granted = await c;
    expect(order).toEqual(['c']);
    expect(gate.active).toBe(2);
    if (b.ok) b.release();
    await d;
    expect(order).toEqual(['c', 'd']);
    if (granted.ok) {
      granted.release();
      granted.release(); // a second release is ignored, not a second free slot
    }
    expect(gate.active).toBe(1);
  });

  it('refuses once the queue is full instead of growing it', async () => {
    const gate = createSemaphore({ limit: 1, maxQueue: 2 });
    await gate.acquire();
    void gate.acquire();
    void gate.acquire();
    expect(await gate.acquire()).toEqual({ ok: false, reason: 'queue_full' });
    expect(gate.waiting).toBe(2);
  });

  it('drops an aborted waiter from the queue', async () => {
    const gate = createSemaphore({ limit: 1, maxQueue: 1 });
    const held = await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toEqual({ ok: false, reason: 'aborted' });
    expect(gate.waiting).toBe(0);
    if (held.ok) held.release();
    expect(gate.active).toBe(0);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => createSemaphore({ limit: 0, maxQueue: 1 })).toThrow(/limit/);
  });
});
