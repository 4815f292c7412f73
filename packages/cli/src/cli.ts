import { CliError } from './cli-error.js';
import { CLIENTS_USAGE, runClients } from './commands/clients.js';
import { DOCTOR_USAGE, runDoctor } from './commands/doctor.js';
import { PASSWORD_USAGE, runGenPassword, runHeader } from './commands/password.js';
import type { Io } from './io.js';

export const USAGE = `mcp-config — client configs, deployment checks and credentials for the mcp-fr servers

${CLIENTS_USAGE}
${DOCTOR_USAGE}
${PASSWORD_USAGE}`;

const COMMANDS: Record<string, (argv: string[], io: Io) => number | Promise<number>> = {
  clients: runClients,
  doctor: runDoctor,
  'gen-password': runGenPassword,
  header: runHeader,
  hash: runHeader,
};

/** Runs one command and returns the exit code; usage errors print one line, never a stack trace. */
export const run = async (argv: readonly string[], io: Io): Promise<number> => {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.err(`mcp-config: unknown command "${command}"; one of ${Object.keys(COMMANDS).join(', ')}\n`);
    return 2;
  }
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`mcp-config ${command}: ${error.message}\n`);
      return error.exitCode;
    }
    // parseArgs reports unknown or malformed options with a code: a usage error, not a bug.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`mcp-config ${command}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
};
