import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { MatrixClient } from './matrix-client.js';

/** The TypeScript SDK v2 `Client`, on one protocol revision (2025 handshake or 2026-07-28 discovery). */
export const connectSdkV2 = async (
  mcpUrl: string,
  authorization: string,
  pin: '2025-11-25' | '2026-07-28',
): Promise<MatrixClient> => {
  // Pinning is for the 2026 revisions; without it the client runs the 2025 `initialize` handshake.
  const client = new Client(
    { name: 'client-matrix-sdk-v2', version: '1.0.0' },
    pin === '2026-07-28' ? { versionNegotiation: { mode: { pin } } } : {},
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(mcpUrl), { requestInit: { headers: { authorization } } }),
  );
  return {
    protocolVersion: client.getNegotiatedProtocolVersion(),
    listTools: () => client.listTools(),
    callTool: (call, onProgress) =>
      client.callTool(
        { name: call.name, arguments: call.arguments },
        onProgress ? { onprogress: onProgress } : undefined,
      ),
    close: () => client.close(),
  };
};
