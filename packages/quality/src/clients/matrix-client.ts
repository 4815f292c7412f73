import type { ToolCall } from '../apps/index.js';

/** What the client matrix asks of every client it drives, whatever its library. */
export interface MatrixClient {
  /** The protocol revision the handshake settled on. */
  protocolVersion: string | undefined;
  listTools: () => Promise<{ tools: Array<{ name: string }> }>;
  /** Resolves with the tool result; a client that turns a tool failure into an exception rejects. */
  callTool: (call: ToolCall, onProgress?: (progress: { progress: number }) => void) => Promise<unknown>;
  close: () => Promise<void>;
}
