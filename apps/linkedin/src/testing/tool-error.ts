/** A tool error as tests read it: `{ code, message, details }`. */
export interface ToolErrorView {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The error of a failed tool call, or undefined when the call succeeded. The one place tests read
 * the error's wire shape (today `structuredContent.error`, or JSON in the first text item).
 */
export const toolErrorOf = (res: {
  isError?: boolean | undefined;
  structuredContent?: unknown;
  content?: unknown;
}): ToolErrorView | undefined => {
  if (!res.isError) return undefined;
  const structured = (res.structuredContent as { error?: ToolErrorView } | undefined)?.error;
  if (structured) return structured;
  const first = (res.content as Array<{ type: string; text?: string }> | undefined)?.[0];
  if (first?.type !== 'text' || !first.text) return undefined;
  try {
    const parsed = JSON.parse(first.text) as { error?: ToolErrorView } & Partial<ToolErrorView>;
    return parsed.error ?? (parsed.code ? (parsed as ToolErrorView) : undefined);
  } catch {
    return undefined;
  }
};
