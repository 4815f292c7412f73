import type { CallToolResult } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { toolContext } from './testing/tool-context.js';
import { createToolRegistry } from './tool-registry.js';

/** All the text a client sees of a result, whichever shape the error takes. */
const visibleText = (result: CallToolResult) => JSON.stringify(result);

describe('unknown tool names', () => {
  it('echoes at most 100 characters of an unknown tool name', async () => {
    const registry = createToolRegistry([]);
    const name = `x${'A'.repeat(5000)}`;
    const result = await registry.call(name, {}, toolContext());
    expect(result.isError).toBe(true);
    expect(visibleText(result)).toContain('A'.repeat(99));
    expect(visibleText(result)).not.toContain('A'.repeat(101));
    expect(visibleText(result).length).toBeLessThan(600);
  });
});
