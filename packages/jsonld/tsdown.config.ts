// Every library package is built the same way: see packages/core/build/lib.tsdown.ts.
export { default } from '../core/build/lib.tsdown.ts';
