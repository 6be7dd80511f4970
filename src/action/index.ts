// Entry of dist/index.js, the file the runner starts. Secrets leave the environment block first (see
// hide-secrets.ts); everything else is loaded after, in the process that does the work.
import { hideSecretsFromEnviron } from '../measure/hide-secrets.js';

hideSecretsFromEnviron();
const { run } = await import('./main.js');
await run();
