// The `regscope` executable (bundled to dist/cli/regscope.mjs).
import { z } from 'zod';
import { main } from './main';

// zod compiles each schema with `new Function` on its first parse: worth it in a long-running app,
// pure start-up cost in a one-shot CLI that parses a handful of documents (measured: ~40 ms).
z.config({ jitless: true });

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`regscope: internal: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
