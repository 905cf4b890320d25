/**
 * A device's fetch for tests in Node: it keeps the session cookie the way a browser does (Node's
 * fetch keeps none), and can be told to fail the way a network or a server does.
 */
/** Answers instead of the server, or null to let the request through; `real` makes the request as it would have been. */
export type Fault = (url: string, init: RequestInit | undefined, real: () => Promise<Response>) => Response | Promise<Response> | 'offline' | null;

export type DeviceFetch = typeof fetch & { fault: (f: Fault | null) => void; requests: string[]; dropSessionCookie: () => void };

export function deviceFetch(): DeviceFetch {
  let cookie = '';
  let fault: Fault | null = null;
  const requests: string[] = [];
  const wrapped = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push(`${init?.method ?? 'GET'} ${url}`);
    const real = async () => {
      const headers = new Headers(init?.headers);
      if (cookie) headers.set('cookie', cookie);
      const response = await fetch(input, { ...init, headers });
      // The last cookie set wins, as in a browser (signing out may refresh and then clear it).
      for (const set of response.headers.getSetCookie()) {
        const pair = set.split(';')[0] ?? '';
        cookie = pair.endsWith('=') ? '' : pair;
      }
      return response;
    };
    const injected = fault?.(url, init, real) ?? null;
    if (injected === 'offline') throw new TypeError('fetch failed');
    if (injected) return injected;
    const response = await real();
    return response;
  }) as DeviceFetch;
  wrapped.fault = (f) => {
    fault = f;
  };
  wrapped.requests = requests;
  // The browser drops a session cookie once it expires (CouchDB's last 10 minutes by default).
  wrapped.dropSessionCookie = () => {
    cookie = '';
  };
  return wrapped;
}

/** A fault for requests whose URL contains `part`, the given number of times (or always). */
export function failing(part: string, answer: () => Response | 'offline', times = Infinity): Fault {
  let left = times;
  return (url) => {
    if (!url.includes(part) || left <= 0) return null;
    left -= 1;
    return answer();
  };
}
