import { describe, expect, it } from 'vitest';
import { imageNodeOptions } from './node-options.js';

describe('imageNodeOptions', () => {
  it('reads the flags of NODE_OPTIONS and of the node CMD, in that order', () => {
    const dockerfile = [
      'ENV NODE_ENV=production \\',
      '    NODE_OPTIONS="--max-semi-space-size=2  --stack-trace-limit=20"',
      'CMD ["node", "--heap-growing-percent=10", "dist/main.js"]',
    ].join('\n');
    expect(imageNodeOptions(dockerfile)).toEqual([
      '--max-semi-space-size=2',
      '--stack-trace-limit=20',
      '--heap-growing-percent=10',
    ]);
  });

  it('ignores a CMD that does not start node, and a Dockerfile without flags', () => {
    expect(imageNodeOptions('CMD ["sh", "-c", "--not-a-node-flag"]')).toEqual([]);
    expect(imageNodeOptions('FROM node:24\nCMD ["node", "main.js"]')).toEqual([]);
  });

  it('gives the flags the repository image runs its apps with', () => {
    const flags = imageNodeOptions();
    expect(flags).toContain('--max-semi-space-size=2');
    expect(flags).toContain('--heap-growing-percent=10');
  });
});
