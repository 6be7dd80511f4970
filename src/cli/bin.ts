// Entry of dist/cli.js. First the Node version (node-version.ts): until it passed, nothing else is
// loaded, so an old Node gets one clear line. Then secrets leave the environment block (see
// hide-secrets.ts); everything else is loaded after, in the process that does the work.
import { checkNodeVersion } from '../node-version.js';

if (checkNodeVersion('cli')) {
  const { hideSecretsFromEnviron } = await import('../measure/hide-secrets.js');
  hideSecretsFromEnviron();
  const { main } = await import('./main.js');
  process.exitCode = await main(process.argv.slice(2));
}
