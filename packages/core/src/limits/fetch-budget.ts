import { type ErrorPayload, err } from '../errors.js';

const BUDGET = Symbol.for('mcp.core.fetchBudget');

/**
 * How many outbound page fetches one HTTP request to /mcp may still trigger (`FETCH_BUDGET`), shared
 * by every tool call that request carries: a client pays for fan-out per request, not per tool call.
 */
export interface FetchBudget {
  readonly [BUDGET]: true;
  readonly limit: number;
  readonly used: number;
  /** Takes one fetch; false once the budget is spent (the fetch must not be sent). */
  take: () => boolean;
}

// A class, not an object literal: a literal with a getter is built through V8's slow path (~0.3 µs
// against ~0.02 µs), and one budget is made per HTTP request.
class Budget implements FetchBudget {
  readonly [BUDGET] = true as const;
  #used = 0;
  constructor(readonly limit: number) {}
  get used() {
    return this.#used;
  }
  take(): boolean {
    if (this.#used >= this.limit) return false;
    this.#used += 1;
    return true;
  }
}

export const createFetchBudget = (limit: number): FetchBudget => new Budget(limit);

export const isFetchBudget = (value: unknown): value is FetchBudget =>
  typeof value === 'object' && value !== null && BUDGET in value;

/** The error of a fetch refused because the request's budget is spent. */
export const budgetSpent = (limit: number, url: string) =>
  err(
    'rate_limited',
    `This request already made its ${limit} outbound page fetches (FETCH_BUDGET); ${url} was not fetched.`,
    {
      reason: 'fetch_budget',
      fetch_budget: limit,
      url,
    },
  );

/** True for the error `budgetSpent` builds: tools use it to say their answer was cut short. */
export const isBudgetSpent = (error: ErrorPayload): boolean =>
  error.code === 'rate_limited' && error.details?.reason === 'fetch_budget';
