// Entry of dist/cli.js. Secrets leave the environment block first (see hide-secrets.ts); everything else
// is loaded after, in the process that does the work.
import { hideSecretsFromEnviron } from '../measure/hide-secrets.js';

hideSecretsFromEnviron();
const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
