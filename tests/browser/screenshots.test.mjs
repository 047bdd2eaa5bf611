// Screenshots for people to look at (tests/browser/artifacts/, git-ignored): home and a profile at
// phone and desktop width in both languages, and the home page in elder mode on a phone. Also
// checks that nothing overflows sideways at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loadImages, artifact, PHONE, DESKTOP } from './lib/harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const SHOTS = [];
for (const [lang, prefix] of [['zh', ''], ['en', '/en']]) {
  for (const [width, viewport] of [['390', PHONE], ['1280', DESKTOP]]) {
    SHOTS.push({ name: `home-${lang}-${width}`, url: `${prefix}/`, viewport });
    SHOTS.push({ name: `profile-${lang}-${width}`, url: `${prefix}/role-models/li-mei/`, viewport });
  }
}
SHOTS.push({ name: 'home-zh-390-elder', url: '/', viewport: PHONE, elder: true });
SHOTS.push({ name: 'home-en-390-elder', url: '/en/', viewport: PHONE, elder: true });
SHOTS.push({ name: 'gallery-zh-390-nojs', url: '/role-models/', viewport: PHONE, js: false });

test('screenshots of home and a profile', async () => {
  for (const shot of SHOTS) {
    const context = await h.browser.newContext({ viewport: shot.viewport, javaScriptEnabled: shot.js !== false });
    if (shot.elder) await context.addInitScript(() => window.localStorage.setItem('civic-elder', '1'));
    const page = await context.newPage();
    await page.goto(h.url(shot.url));
    if (shot.js !== false) await loadImages(page);
    await page.screenshot({ path: artifact(`${shot.name}.png`), fullPage: true });
    await context.close();
  }
});

test('no sideways scrolling from 320 px up', async () => {
  const pages = ['/', '/en/', '/role-models/', '/en/role-models/li-mei/', '/handbook/traffic/', '/ads/zebra-crossing/', '/en/news/', '/sitemap/'];
  for (const elder of [false, true]) {
    const context = await h.browser.newContext({ viewport: { width: 320, height: 640 } });
    if (elder) await context.addInitScript(() => window.localStorage.setItem('civic-elder', '1'));
    const page = await context.newPage();
    for (const url of pages) {
      await page.goto(h.url(url));
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(scroll <= client, `${url}${elder ? ' (elder)' : ''}: ${scroll}px wide in a ${client}px window`);
    }
    await context.close();
  }
});
