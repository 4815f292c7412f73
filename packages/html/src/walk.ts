/**
 * The part of a domhandler node (what cheerio and htmlparser2 build) that walkers read. Declared
 * here because cheerio does not re-export domhandler's types.
 */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
  attribs?: Record<string, string>;
}

/**
 * Elements matching `test`, in document order, at most `max`. An explicit stack instead of recursion:
 * a page's depth must never become the call stack's.
 */
export const findAll = (root: DomNode, test: (n: DomNode) => boolean, max: number): DomNode[] => {
  const found: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0 && found.length < max) {
    const n = stack.pop() as DomNode;
    if (test(n)) found.push(n);
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  return found;
};

/** The text of a node and its descendants in document order, comments left out; iterative like `findAll`. */
export const textContent = (root: DomNode | null): string => {
  if (root === null) return '';
  const parts: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') {
      parts.push(n.data ?? '');
      continue;
    }
    if (n.type === 'comment') continue;
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  return parts.join('');
};
