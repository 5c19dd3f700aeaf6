// scripts/serve.mjs: MIME types, 404s, no escape from the root, CORS and CSP headers.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';

// A raw GET, so that paths like /../x reach the server unnormalised.
function get(port, rawPath) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve.mjs', () => {
  let dir;
  let root;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
    root = path.join(dir, 'www');
    mkdirSync(path.join(root, 'sub'), { recursive: true });
    const files = {
      'index.html': '<!doctype html><title>t</title>',
      'a.js': 'export {};',
      'b.mjs': 'export {};',
      'c.wasm': '\0asm',
      'd.css': 'body {}',
      'e.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'f.png': 'png',
      'g.json': '{}',
      'sub/index.html': '<!doctype html><title>sub</title>',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    mkdirSync(path.join(dir, 'www-sibling'));
    writeFileSync(path.join(dir, 'www-sibling', 'x.txt'), 'sibling');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('serves files with the right MIME types', async () => {
    const server = await startServer({ root });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.ok(server.port > 0);
      const expected = {
        '/': 'text/html',
        '/index.html': 'text/html',
        '/a.js': 'text/javascript',
        '/b.mjs': 'text/javascript',
        '/c.wasm': 'application/wasm',
        '/d.css': 'text/css',
        '/e.svg': 'image/svg+xml',
        '/f.png': 'image/png',
        '/g.json': 'application/json',
        '/sub/': 'text/html',
      };
      for (const [p, type] of Object.entries(expected)) {
        const res = await get(server.port, p);
        assert.equal(res.status, 200, p);
        assert.equal(res.headers['content-type'].split(';')[0], type, p);
        assert.equal(res.headers['access-control-allow-origin'], undefined, p);
        assert.equal(res.headers['content-security-policy'], undefined, p);
      }
      assert.equal((await get(server.port, '/sub')).status, 301);
      assert.equal((await get(server.port, '/missing.js')).status, 404);
    } finally {
      await server.close();
    }
  });

  test('never serves a file outside the root', async () => {
    const server = await startServer({ root });
    try {
      for (const p of [
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/..%2fsecret.txt',
        '/sub/..%2f..%2fsecret.txt',
        '/../www-sibling/x.txt',
        '/%00',
        '/%E0%A4%A',
      ]) {
        const res = await get(server.port, p);
        assert.equal(res.status, 404, p);
        assert.doesNotMatch(res.body, /secret|sibling/, p);
      }
    } finally {
      await server.close();
    }
  });

  test('--cors on every response, --csp on HTML only', async () => {
    const csp = "default-src 'self'";
    const server = await startServer({ root, cors: true, csp });
    try {
      for (const p of ['/index.html', '/a.js', '/c.wasm', '/missing']) {
        assert.equal((await get(server.port, p)).headers['access-control-allow-origin'], '*', p);
      }
      assert.equal((await get(server.port, '/index.html')).headers['content-security-policy'], csp);
      assert.equal((await get(server.port, '/a.js')).headers['content-security-policy'], undefined);
    } finally {
      await server.close();
    }
  });
});
