// `npm run team -- …`: the team server's admin command (see team-cli.ts). Vite's module runner
// loads the TypeScript directly, so the command uses the same design document as the app.
import { runnerImport } from 'vite';

const { module } = await runnerImport(new URL('./team-cli.ts', import.meta.url).pathname);
process.exitCode = await module.runTeam(process.argv.slice(2), { env: process.env, log: (line) => console.log(line), error: (line) => console.error(line) });
