import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { MatrixClient } from './matrix-client.js';

/**
 * The TypeScript SDK v1 `Client` + `StreamableHTTPClientTransport`, the client inside Claude Code and most
 * agent frameworks. It validates `structuredContent` against the tool's output schema (Ajv), even on
 * `isError` results. v1 always offers its latest revision (2025-11-25); the clients still deployed from
 * the 1.13–1.21 releases offer 2025-06-18, so for that row the offered version of the `initialize`
 * request is rewritten on its way out — everything else is the v1 client unchanged.
 */
export const connectSdkV1 = async (
  mcpUrl: string,
  authorization: string,
  offer: '2025-06-18' | '2025-11-25',
): Promise<MatrixClient> => {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
    requestInit: { headers: { authorization } },
  });
  const send = transport.send.bind(transport);
  transport.send = (message: JSONRPCMessage, options) => {
    const offered =
      'method' in message && message.method === 'initialize'
        ? { ...message, params: { ...message.params, protocolVersion: offer } }
        : message;
    return send(offered, options);
  };
  const client = new Client({ name: 'client-matrix-sdk-v1', version: '1.0.0' });
  await client.connect(transport);
  return {
    protocolVersion: transport.protocolVersion,
    listTools: () => client.listTools(),
    callTool: (call, onProgress) =>
      client.callTool(
        { name: call.name, arguments: call.arguments },
        CallToolResultSchema,
        onProgress ? { onprogress: onProgress } : undefined,
      ),
    close: () => client.close(),
  };
};
