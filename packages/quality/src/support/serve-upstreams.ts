// Process entry of `pnpm bench` and `pnpm test:load`: `node serve-upstreams.mjs <app>` starts only an
// app's loopback replay upstreams and prints `READY {json}` with the env pointing an app at them;
// "count" on stdin answers `COUNT n` (requests they received). The app then runs alone in its own process (serve-alone), so its
// RSS is the app's, not the app's plus its fixtures and replay servers.
import { APP_NAMES, loadAppCase } from '../apps/load.js';
import { answerStdin } from './stdin-answers.js';

/** all-in-one is measured on annuaire's calls: annuaire's upstreams serve it. */
const name = process.argv[2] === 'all-in-one' ? 'annuaire' : (process.argv[2] ?? '');
const app = await loadAppCase(name);
if (!app) {
  process.stderr.write(`unknown app ${name}; one of ${APP_NAMES.join(', ')}\n`);
  process.exit(2);
}
const upstreams = await app.upstreams();
answerStdin({ count: () => `COUNT ${upstreams.requests()}` });
// Nothing to flush: the replay servers go with the process.
process.once('SIGTERM', () => process.exit(0));
process.stdout.write(`READY ${JSON.stringify({ url: '', env: upstreams.env, pid: process.pid })}\n`);
