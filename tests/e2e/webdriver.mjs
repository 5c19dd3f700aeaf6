// A minimal W3C WebDriver client over HTTP, for WebKitGTK's WebKitWebDriver (Safari's engine)
// run under Xvfb. Only what the engine tests use: sessions, navigation, scripts, key and
// pointer actions, screenshots.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts WebKitWebDriver under xvfb-run; resolves with {url, stop()} once it answers. */
export async function startWebKitDriver() {
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

/** A WebDriver session on `driverUrl` with the given capabilities. */
export async function newSession(driverUrl, capabilities) {
  const res = await fetch(`${driverUrl}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ capabilities: { alwaysMatch: capabilities } }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`new session failed: ${JSON.stringify(body)}`);
  const base = `${driverUrl}/session/${body.value.sessionId}`;
  const call = async (method, path, payload) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const json = await r.json();
    if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value).slice(0, 500)}`);
    return json.value;
  };
  return {
    goto: (url) => call('POST', '/url', { url }),
    /** Runs `fn` (a function of its arguments) in the page and returns its (awaited) result. */
    evaluate: (fn, ...args) =>
      call('POST', '/execute/async', {
        script: `const done = arguments[arguments.length - 1];
          Promise.resolve((${fn})(...Array.from(arguments).slice(0, -1))).then(done, (e) => done({ __error: String(e) }));`,
        args,
      }).then((v) => {
        if (v && v.__error) throw new Error(v.__error);
        return v;
      }),
    setWindowRect: (width, height) => call('POST', '/window/rect', { width, height }),
    keys: (keys) =>
      call('POST', '/actions', {
        actions: [
          {
            type: 'key',
            id: 'keyboard',
            actions: keys.flatMap((k) => [
              { type: 'keyDown', value: k },
              { type: 'keyUp', value: k },
            ]),
          },
        ],
      }),
    /** Presses at (x1, y1), moves to (x2, y2), releases: viewport CSS pixels. */
    drag: (x1, y1, x2, y2) =>
      call('POST', '/actions', {
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: Math.round(x1), y: Math.round(y1), origin: 'viewport' },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerMove', x: Math.round((x1 + x2) / 2), y: Math.round((y1 + y2) / 2), origin: 'viewport', duration: 50 },
              { type: 'pointerMove', x: Math.round(x2), y: Math.round(y2), origin: 'viewport', duration: 50 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      }),
    screenshot: () => call('GET', '/screenshot').then((b64) => Buffer.from(b64, 'base64')),
    close: () => call('DELETE', ''),
  };
}

/** The capabilities that start WebKitGTK's MiniBrowser under automation. */
export const WEBKIT_CAPABILITIES = {
  browserName: 'MiniBrowser',
  'webkitgtk:browserOptions': {
    binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    args: ['--automation'],
  },
};
