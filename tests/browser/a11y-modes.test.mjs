// axe in every mode of the accessibility toolbar and in combinations, both languages, phone and
// desktop, with the toolbar open: zero violations (WCAG 2.1 A/AA + target-size). The high-contrast
// schemes also pass `color-contrast-enhanced` (7:1, WCAG AAA). Also writes a screenshot of each
// mode to artifacts/ (a11y-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage, loadImages, artifact, PHONE, DESKTOP } from './lib/harness.mjs';
import { AXE, runAxe, describe } from './lib/axe.mjs';
import { presetSettings } from './lib/a11y.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

// Each visit runs axe on the home page and on one more page type, a different one for each mode,
// language and width, so every type is seen in several modes while the file stays near two
// minutes on 2 cores. (Large text step 1, "elder mode", runs on all 20 page types in axe.test.mjs.)
const OTHERS = ['/role-models/', '/role-models/li-mei/', '/handbook/waste-sorting/', '/handbook/print/', '/ads/zebra-crossing/', '/news/2026-11-24-third-assessment/', '/search/'];

const MODES = [
  { name: 'text-3', settings: { text: 3 } },
  { name: 'hc-bw', settings: { contrast: 'bw' }, aaa: true },
  { name: 'hc-yb', settings: { contrast: 'yb' }, aaa: true },
  { name: 'zoom-200', settings: { zoom: 200 } },
  { name: 'simple', settings: { simple: true } },
  { name: 'cursor-cross-point', settings: { cursor: true, cross: true, point: true, rate: 0.75 } },
  { name: 'text-2+hc-yb+simple', settings: { text: 2, contrast: 'yb', simple: true }, aaa: true },
  { name: 'zoom-150+hc-bw+text-1', settings: { zoom: 150, contrast: 'bw', text: 1 }, aaa: true },
  { name: 'all', settings: { text: 3, contrast: 'yb', zoom: 200, simple: true, cursor: true, cross: true }, aaa: true },
];

MODES.forEach((mode, m) => {
  ['zh-CN', 'en'].forEach((lang, l) => {
    test(`axe, ${mode.name}, ${lang}, phone and desktop${mode.aaa ? ', AAA contrast' : ''}`, async () => {
      const prefix = lang === 'en' ? '/en' : '';
      const failures = [];
      for (const [v, viewport] of [PHONE, DESKTOP].entries()) {
        const context = await h.browser.newContext({ viewport });
        await context.addInitScript(AXE);
        await presetSettings(context, mode.settings);
        const { page, problems } = await watchedPage(context);
        for (const url of ['/', OTHERS[(m * 4 + l * 2 + v) % OTHERS.length]].map((p) => prefix + p)) {
          problems.length = 0;
          await page.goto(h.url(url));
          await page.click('#a11y-open');
          const violations = await runAxe(page, { aaa: !!mode.aaa });
          if (violations.length) failures.push(`${url} at ${viewport.width}px:\n  ${describe(violations)}`);
          if (problems.length) failures.push(`${url} at ${viewport.width}px: ${problems.join('; ')}`);
        }
        // One screenshot per mode and language: the home page with the toolbar open.
        await page.goto(h.url(`${prefix}/`));
        await page.click('#a11y-open');
        if (viewport === PHONE) {
          await loadImages(page);
          await page.screenshot({ path: artifact(`a11y-${mode.name}-${lang}-390.png`), fullPage: true });
        }
        await context.close();
      }
      assert.equal(failures.length, 0, failures.join('\n'));
    });
  });
});

test('high contrast: axe AAA contrast also passes on the other page types', async () => {
  const failures = [];
  for (const contrast of ['bw', 'yb']) {
    const context = await h.browser.newContext({ viewport: DESKTOP });
    await context.addInitScript(AXE);
    await presetSettings(context, { contrast });
    const page = await context.newPage();
    for (const url of ['/ads/', '/ads/archive/', '/news/', '/news/page/2/', '/about/', '/tags/', '/sitemap/', '/role-models/category/helping-others/', '/handbook/', '/en/ads/', '/en/news/', '/en/about/', '/en/sitemap/', '/en/handbook/']) {
      await page.goto(h.url(url));
      const violations = await runAxe(page, { aaa: true });
      if (violations.length) failures.push(`${contrast} ${url}:\n  ${describe(violations)}`);
    }
    await context.close();
  }
  assert.equal(failures.length, 0, failures.join('\n'));
});
