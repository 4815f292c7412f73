/**
 * Deepest nesting accepted in a /mcp body. Real JSON-RPC messages nest a handful of levels; the SDK
 * validates messages recursively and a body nested thousands deep overflows its stack (HTTP 500).
 */
export const MAX_JSON_DEPTH = 128;

/** True when `value` nests arrays/objects deeper than `max`; iterative, stops at the first excess. */
export const exceedsDepth = (value: unknown, max: number = MAX_JSON_DEPTH): boolean => {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children)
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
};
