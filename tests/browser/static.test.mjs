// Checks over the built files themselves: strict-CSP-safe markup (no inline scripts or styles, no
// style= attributes, nothing loaded from elsewhere), government page metadata, the footer identity,
// and the weight of the theme's CSS and JS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { OUTPUT, REPO, htmlFiles, requireSite } from './lib/harness.mjs';

const read = (rel) => fs.readFileSync(path.join(OUTPUT, rel), 'utf8');
const meta = (html, name) => html.match(new RegExp(`<meta name="${name}" content="([^"]*)"`))?.[1];

test('no inline scripts, inline styles, style attributes or outside resources on any page', () => {
  requireSite();
  const bad = [];
  for (const rel of htmlFiles()) {
    const html = read(rel);
    for (const m of html.matchAll(/<script\b([^>]*)>/g)) if (!/\bsrc="\//.test(m[1])) bad.push(`${rel}: inline <script${m[1]}>`);
    if (/<style[\s>]/.test(html)) bad.push(`${rel}: <style>`);
    if (/\sstyle="/.test(html)) bad.push(`${rel}: style= attribute`);
    if (/\son[a-z]+="/.test(html)) bad.push(`${rel}: inline event handler`);
    for (const m of html.matchAll(/<(?:script|img|link|source|iframe)\b[^>]*\b(?:src|href|srcset)="(https?:)?\/\/[^"]*"/g)) {
      if (!/rel="(canonical|alternate)"/.test(m[0])) bad.push(`${rel}: outside resource ${m[0]}`);
    }
  }
  assert.deepEqual(bad.slice(0, 20), []);
});

test('government page metadata: site-wide, per section, per article', () => {
  requireSite();
  for (const rel of htmlFiles()) {
    const html = read(rel);
    if (html.includes('http-equiv="refresh"')) continue; // alias redirect pages
    for (const name of ['SiteName', 'SiteDomain', 'SiteIDCode']) assert.ok(meta(html, name), `${rel}: ${name}`);
  }
  for (const rel of ['role-models/index.html', 'en/news/index.html', 'handbook/index.html', 'ads/index.html']) {
    const html = read(rel);
    for (const name of ['ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType']) assert.ok(meta(html, name) !== undefined, `${rel}: ${name}`);
  }
  for (const rel of ['news/2026-11-24-third-assessment/index.html', 'en/news/2026-11-24-third-assessment/index.html', 'ads/zebra-crossing/index.html']) {
    const html = read(rel);
    assert.ok(meta(html, 'ArticleTitle'), `${rel}: ArticleTitle`);
    assert.match(meta(html, 'PubDate') || '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, `${rel}: PubDate`);
    assert.ok(meta(html, 'ContentSource'), `${rel}: ContentSource`);
    // The date also shows on the page.
    assert.match(html, /<time datetime="\d{4}-\d{2}-\d{2}">[^<]+<\/time>/, `${rel}: visible date`);
  }
});

test('the footer carries the site identity, with the registration numbers linked', () => {
  requireSite();
  for (const rel of ['index.html', 'en/index.html', 'role-models/li-mei/index.html']) {
    const html = read(rel);
    assert.match(html, /<a href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*>明ICP备/, `${rel}: ICP number linked`);
    assert.match(html, /<a href="https:\/\/beian\.mps\.gov\.cn\/[^"]*code=32000002000001"[^>]*>明公网安备/, `${rel}: police number linked`);
    assert.match(html, /3200000001/, `${rel}: site ID`);
  }
});

test('the theme ships little CSS and JS; the accessibility toolbar adds at most 10 KiB gzip', () => {
  const dir = path.join(REPO, 'themes/civic/static');
  const measure = (files) => {
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(dir, f));
      const z = zlib.gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gz += z;
      console.log(`${f}: ${bytes.length} B, ${z} B gzip`);
    }
    return { raw, gz };
  };
  const base = measure(['css/civic.css', 'js/gallery.js']);
  assert.ok(base.gz <= 10 * 1024, `theme CSS + JS gzip ${base.gz} B (budget 10 KiB)`);
  assert.ok(base.raw <= 40 * 1024, `theme CSS + JS ${base.raw} B (budget 40 KiB)`);
  // Loaded by every page (issue 15: about 10 KB gzip of JS and CSS added per page).
  const toolbar = measure(['css/a11y.css', 'js/a11y.js', 'a11y/cursor.svg', 'a11y/pointer.svg']);
  console.log(`accessibility toolbar: ${toolbar.raw} B, ${toolbar.gz} B gzip`);
  assert.ok(toolbar.gz <= 10 * 1024, `toolbar gzip ${toolbar.gz} B (budget 10 KiB)`);
});
