// The W3C Nu HTML checker over every HTML file of the built site: no errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { OUTPUT, requireSite } from './lib/harness.mjs';

const require = createRequire(import.meta.url);

test('vnu: no errors on any page of the site', () => {
  requireSite();
  const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
  let out = '';
  try {
    execFileSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', OUTPUT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    out = `${e.stdout || ''}${e.stderr || ''}` || String(e);
  }
  assert.equal(out.trim(), '', out);
});
