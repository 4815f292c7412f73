// Every app is bundled the same way: see packages/core/build/app.tsdown.ts.
export { default } from '../../packages/core/build/app.tsdown.ts';
