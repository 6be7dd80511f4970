// Entry of dist/index.js, the file the runner starts. First the Node version (node-version.ts): until it
// passed, nothing else is loaded, so an old Node gets one clear error. Then secrets leave the environment
// block (see hide-secrets.ts); everything else is loaded after, in the process that does the work.
import { checkNodeVersion } from '../node-version.js';

if (checkNodeVersion('action')) {
  const { hideSecretsFromEnviron } = await import('../measure/hide-secrets.js');
  hideSecretsFromEnviron();
  const { run } = await import('./main.js');
  await run();
}
