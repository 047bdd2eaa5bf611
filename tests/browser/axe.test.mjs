// axe-core inside one page of every type, both languages, normal and elder mode, phone and
// desktop: no WCAG 2.1 A/AA violations, with the (off by default) target-size rule enabled.
// The same visits also check that nothing breaks the strict CSP the test server sends, that no
// request leaves 127.0.0.1, and that nothing on the page fails to load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage, PHONE, DESKTOP } from './lib/harness.mjs';
import { AXE, runAxe, describe } from './lib/axe.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

/** One URL of every page type in a language (tag pages are found through the tag index). */
async function pageTypes(page, prefix) {
  await page.goto(h.url(`${prefix}/tags/`));
  const tag = await page.getAttribute('.tag-cloud a', 'href');
  return {
    home: `${prefix}/`,
    gallery: `${prefix}/role-models/`,
    'gallery filter': `${prefix}/role-models/category/helping-others/`,
    'gallery year': `${prefix}/role-models/year/2025/`,
    profile: `${prefix}/role-models/li-mei/`,
    'handbook index': `${prefix}/handbook/`,
    chapter: `${prefix}/handbook/waste-sorting/`,
    'handbook print': `${prefix}/handbook/print/`,
    'PSA list': `${prefix}/ads/`,
    'PSA archive': `${prefix}/ads/archive/`,
    'PSA page': `${prefix}/ads/zebra-crossing/`,
    'news list': `${prefix}/news/`,
    'news page 2': `${prefix}/news/page/2/`,
    'news item': `${prefix}/news/2026-11-24-third-assessment/`,
    about: `${prefix}/about/`,
    tags: `${prefix}/tags/`,
    tag,
    search: `${prefix}/search/`,
    sitemap: `${prefix}/sitemap/`,
    404: `${prefix}/no-such-page/`,
  };
}

const MODES = [
  { name: 'normal, desktop', viewport: DESKTOP, elder: false },
  { name: 'normal, phone', viewport: PHONE, elder: false },
  { name: 'elder, phone', viewport: PHONE, elder: true },
  { name: 'elder, desktop', viewport: DESKTOP, elder: true },
];

for (const lang of ['zh-CN', 'en']) {
  const prefix = lang === 'en' ? '/en' : '';
  for (const mode of MODES) {
    test(`axe: every page type, ${lang}, ${mode.name}`, async () => {
      const context = await h.browser.newContext({ viewport: mode.viewport });
      await context.addInitScript(AXE);
      if (mode.elder) await context.addInitScript(() => window.localStorage.setItem('civic-elder', '1'));
      const { page, problems } = await watchedPage(context);
      const types = await pageTypes(page, prefix);
      const failures = [];
      for (const [type, url] of Object.entries(types)) {
        problems.length = 0;
        const res = await page.goto(h.url(url));
        assert.equal(res.status(), type === '404' ? 404 : 200, `${type}: ${url}`);
        assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), mode.elder);
        const violations = await runAxe(page);
        if (violations.length) failures.push(`${type} ${url}:\n  ${describe(violations)}`);
        if (problems.length) failures.push(`${type} ${url}: ${problems.join('; ')}`);
      }
      assert.equal(failures.length, 0, failures.join('\n'));
      await context.close();
    });
  }
}
