#!/usr/bin/env node
// A tiny static file server for the site (target/site, built from www/ by scripts/build.sh),
// with no dependencies.
//
//   node scripts/serve.mjs [--port 8000] [--root target/site] [--cors] [--csp "policy"]
//
// --port 0 picks a free port. --cors adds `Access-Control-Allow-Origin: *` to
// every response; --csp adds `Content-Security-Policy: <policy>` to HTML
// responses. Prints `Serving http://127.0.0.1:PORT/` once listening.
//
// Tests import startServer() from here.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Maps a URL path to a file under root, or null when it would leave root.
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

async function statOrNull(file) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

function handler({ root, cors, csp, log }) {
  return async (req, res) => {
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) log(`${req.method} ${req.url} ${status}`);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      pathname = new URL(req.url, 'http://localhost').pathname;
    } catch {
      return send(400, 'Bad Request\n');
    }
    let file = resolveInside(root, pathname);
    if (file === null) return send(404, 'Not Found\n');

    let info = await statOrNull(file);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        return send(301, 'Moved Permanently\n', { Location: pathname + '/' });
      }
      file = path.join(file, 'index.html');
      info = await statOrNull(file);
    }
    if (!info?.isFile()) return send(404, 'Not Found\n');

    const type = mimeType(file);
    const fileHeaders = { ...headers, 'Content-Type': type, 'Content-Length': info.size };
    if (csp && type.startsWith('text/html')) fileHeaders['Content-Security-Policy'] = csp;
    res.writeHead(200, fileHeaders);
    if (log) log(`${req.method} ${req.url} 200`);
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}

/**
 * Start serving `root` on 127.0.0.1:`port` (0 picks a free port).
 * Resolves to { url, port, close() } once listening; close() resolves when stopped.
 */
export function startServer({ port = 0, root = 'target/site', cors = false, csp = null, log = null } = {}) {
  const absRoot = path.resolve(root);
  const server = createServer(handler({ root: absRoot, cors, csp, log }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolve({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: 8000, root: 'target/site', cors: false, csp: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i]];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '--port': {
        const v = value();
        opts.port = Number(v);
        if (!/^\d+$/.test(v) || opts.port > 65535) throw new Error(`bad port '${v}'`);
        break;
      }
      case '--root':
        opts.root = value();
        break;
      case '--cors':
        opts.cors = true;
        break;
      case '--csp':
        opts.csp = value();
        break;
      case '-h':
      case '--help':
        console.log('usage: node scripts/serve.mjs [--port 8000] [--root target/site] [--cors] [--csp "policy"]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument '${argv[i]}'`);
    }
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`serve: ${err.message}`);
    console.error('usage: node scripts/serve.mjs [--port 8000] [--root target/site] [--cors] [--csp "policy"]');
    process.exit(2);
  }
  const rootInfo = await statOrNull(path.resolve(opts.root));
  if (!rootInfo?.isDirectory()) {
    console.error(`serve: root folder '${opts.root}' does not exist`);
    process.exit(1);
  }
  let server;
  try {
    server = await startServer({ ...opts, log: (line) => console.error(line) });
  } catch (err) {
    const hint = err.code === 'EADDRINUSE' ? ` (port ${opts.port} is in use; pick another, e.g. make serve PORT=9000)` : '';
    console.error(`serve: cannot listen on ${HOST}:${opts.port}: ${err.message}${hint}`);
    process.exit(1);
  }
  console.log(`Serving ${server.url}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
