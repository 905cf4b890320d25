import { randomBytes } from 'node:crypto';
import { deleteLoopDatabase, ensureSystemDatabases, putLoopDatabase, putUser, type AdminServer, type Log } from './team-admin';

export const TEAM_USAGE = `Sets up a team's CouchDB for Loopcard. The server and its admin come from COUCH_URL
(e.g. http://admin:password@127.0.0.1:5984) or --url; the admin password is never printed.

  npm run team -- user <name> [--password <password>]
      Creates a user (or sets a new password). Without --password, one is made and shown once.
  npm run team -- loop <candidate-id> --lead <user> [--slot <interview-id>=<user> ...]
      Creates the candidate's loop database, lets the lead and the slots' users in (the lead as
      its admin), and writes the design document that checks every write.
  npm run team -- delete-loop <candidate-id>
      Deletes the loop's database on the server (erasure).`;

type Options = { env: Record<string, string | undefined>; log: Log; error: Log };

/** Runs one admin command; answers the exit code. Every step it takes is printed. */
export async function runTeam(argv: readonly string[], { env, log, error }: Options): Promise<number> {
  const args = [...argv];
  const flag = (name: string): string[] => {
    const values: string[] = [];
    for (let i = args.indexOf(name); i !== -1; i = args.indexOf(name)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value.`);
      values.push(value);
      args.splice(i, 2);
    }
    return values;
  };
  try {
    const [url] = flag('--url');
    const raw = url ?? env.COUCH_URL;
    const [command, subject] = args;
    if (!command || command === 'help' || command === '--help') {
      log(TEAM_USAGE);
      return command ? 0 : 1;
    }
    if (!raw) throw new Error('Say which server: set COUCH_URL or pass --url (with the admin’s name and password in it).');
    const server = adminServer(raw);
    log(`Team server: ${server.url}`);
    switch (command) {
      case 'user': {
        if (!subject) throw new Error('Name the user: npm run team -- user <name>.');
        const [given] = flag('--password');
        const password = given ?? randomBytes(12).toString('base64url');
        await ensureSystemDatabases(server, log);
        await putUser(server, subject, password, log);
        if (!given) log(`Password for ${subject} (shown once; give it to them privately): ${password}`);
        return 0;
      }
      case 'loop': {
        if (!subject) throw new Error('Name the candidate: npm run team -- loop <candidate-id> --lead <user>.');
        const [lead] = flag('--lead');
        if (!lead) throw new Error('Name the loop’s lead: --lead <user>.');
        const slots: Record<string, string> = {};
        for (const slot of flag('--slot')) {
          const [interviewId, user] = slot.split('=');
          if (!interviewId || !user) throw new Error(`A slot is <interview-id>=<user>, not “${slot}”.`);
          slots[interviewId] = user;
        }
        await putLoopDatabase(server, { candidateId: subject, lead, slots }, log);
        return 0;
      }
      case 'delete-loop': {
        if (!subject) throw new Error('Name the candidate: npm run team -- delete-loop <candidate-id>.');
        await deleteLoopDatabase(server, subject, log);
        return 0;
      }
      default:
        throw new Error(`There is no command “${command}”. Run npm run team -- help.`);
    }
  } catch (failure) {
    error(failure instanceof Error ? failure.message : String(failure));
    return 1;
  }
}

function adminServer(raw: string): AdminServer {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error('The server address is not a URL (e.g. http://admin:password@127.0.0.1:5984).');
  }
  const name = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  if (!name || !password) throw new Error('Put the admin’s name and password in the address: http://admin:password@host:5984.');
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString().replace(/\/$/, ''), headers: { authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` } };
}
