// Tasks for the pool's own tests (not exported by the package). A worker imports this module by URL.

import { nestingDepth } from './scan.js';
import { defineHtmlTask } from './tasks.js';

export const echoTask = defineHtmlTask(import.meta.url, 'test.echo', ({ html }: { html: string }) => ({
  length: html.length,
  depth: nestingDepth(html),
}));

/** Never returns: what a parse stuck on a hostile page looks like from outside. */
export const spinTask = defineHtmlTask(import.meta.url, 'test.spin', (_: { html: string }) => {
  for (;;) {
    // a synchronous loop only terminate() can stop
  }
});

export const throwTask = defineHtmlTask(import.meta.url, 'test.throw', (_: { html: string }) => {
  throw new RangeError('Maximum call stack size exceeded');
});
