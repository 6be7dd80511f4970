// Entry of dist/index.js, the file the runner starts.
import { run } from './main.js';

await run();
