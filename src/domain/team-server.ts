import { z } from 'zod';
import { TeamUserSchema } from './sync-docs';

/**
 * The team server as this device knows it: an address on the app's own origin (the web server
 * passes it on to CouchDB, so the page talks to nowhere else) and the user signed in, if any.
 * The password is never kept: the browser keeps CouchDB's session cookie.
 */
export const DEFAULT_TEAM_SERVER_ADDRESS = '/couchdb/';
export const TEAM_SERVER_ADDRESS_MAX_LENGTH = 200;

export const TeamServerSettingSchema = z
  .object({
    address: z.string().startsWith('/').max(TEAM_SERVER_ADDRESS_MAX_LENGTH),
    user: TeamUserSchema.nullable(),
  })
  .strict();
export type TeamServerSetting = z.infer<typeof TeamServerSettingSchema>;

export type AddressCheck = { ok: true; address: string } | { ok: false; reason: string };

/**
 * The address as a path on the app's own origin, or why it cannot be used. A full address is
 * accepted when it names this very site; another site is refused, since Loopcard sends nothing
 * anywhere but to the team's server behind its own address.
 */
export function checkTeamServerAddress(input: string, origin: string): AddressCheck {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Enter the team server’s address, such as /couchdb/.' };
  if (text.length > TEAM_SERVER_ADDRESS_MAX_LENGTH) return { ok: false, reason: `The address is longer than ${TEAM_SERVER_ADDRESS_MAX_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(text, origin);
  } catch {
    return { ok: false, reason: 'That is not an address. Use a path on this site, such as /couchdb/.' };
  }
  if (url.origin !== origin) {
    return { ok: false, reason: `Loopcard talks to a team server only at this site’s own address (${origin}). Ask whoever runs it to serve the team server under a path here, such as /couchdb/.` };
  }
  if (url.search || url.hash || url.username || url.password) return { ok: false, reason: 'Use a plain path for the address, such as /couchdb/, with nothing after it.' };
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  if (path === '/') return { ok: false, reason: 'The team server needs a path of its own, such as /couchdb/: the site’s root is Loopcard itself.' };
  return { ok: true, address: path };
}
