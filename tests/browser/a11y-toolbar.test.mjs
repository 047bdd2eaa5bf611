// The accessibility toolbar (issue 15): every control toggles its mode, the mode persists across
// pages and into the other language and is set before first paint; keyboard-only operation;
// Escape; target sizes; reflow at 320 px with 200 % zoom; large text sizes; without JavaScript
// the toolbar says what needs it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage, PHONE, DESKTOP } from './lib/harness.mjs';
import { KEY, presetSettings } from './lib/a11y.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

// Recorded by every page of the context: the classes of <html> when <body> first appeared.
function recordEarlyClasses() {
  new MutationObserver((records, observer) => {
    if (document.body) {
      window.__classesAtBody = document.documentElement.className;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

const classes = (page) => page.evaluate(() => document.documentElement.className.split(/\s+/));
const pressed = (page, selector) => page.getAttribute(`.a11y-panel ${selector}`, 'aria-pressed');

// Each control, the class it must put on <html> and the saved setting.
const CONTROLS = [
  { button: '[data-set="text"][data-value="1"]', cls: ['elder'], saved: { text: 1 } },
  { button: '[data-set="text"][data-value="2"]', cls: ['elder', 'a11y-text-2'], saved: { text: 2 } },
  { button: '[data-set="text"][data-value="3"]', cls: ['elder', 'a11y-text-3'], saved: { text: 3 } },
  { button: '[data-set="contrast"][data-value="bw"]', cls: ['a11y-hc', 'a11y-hc-bw'], saved: { contrast: 'bw' } },
  { button: '[data-set="contrast"][data-value="yb"]', cls: ['a11y-hc', 'a11y-hc-yb'], saved: { contrast: 'yb' } },
  { button: '[data-set="simple"]', cls: ['a11y-simple'], saved: { simple: true } },
  { button: '[data-set="cursor"]', cls: ['a11y-cursor'], saved: { cursor: true } },
];

test('each mode toggles, persists across pages and languages, and is set before first paint', async () => {
  const context = await h.browser.newContext({ viewport: DESKTOP });
  await context.addInitScript(recordEarlyClasses);
  const { page, problems } = await watchedPage(context);
  for (const c of CONTROLS) {
    await page.goto(h.url('/'));
    await page.click('#a11y-open');
    await page.click(`.a11y-panel ${c.button}`);
    assert.equal(await pressed(page, c.button), 'true', `${c.button} pressed`);
    for (const cls of c.cls) assert.ok((await classes(page)).includes(cls), `${c.button}: html.${cls}`);
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
    for (const [k, v] of Object.entries(c.saved)) assert.equal(saved[k], v, `${c.button}: saved ${k}`);
    // Another page, then the other language: set before <body> is parsed, button still pressed.
    for (const go of ['.site-nav a[href="/handbook/"]', 'a.lang-switch']) {
      await Promise.all([page.waitForNavigation(), page.click(go)]);
      const early = (await page.evaluate(() => window.__classesAtBody)).split(/\s+/);
      for (const cls of c.cls) assert.ok(early.includes(cls), `${c.button} after ${go}: html.${cls} before <body>`);
      assert.equal(await pressed(page, c.button), 'true', `${c.button} still pressed after ${go}`);
    }
    // Turning it off (the standard choice of a group, or the same toggle again) is remembered too.
    await page.click('#a11y-open');
    const off = c.button.includes('data-value') ? c.button.replace(/data-value="[^"]*"/, c.button.includes('text') ? 'data-value="0"' : 'data-value=""') : c.button;
    await page.click(`.a11y-panel ${off}`);
    await page.reload();
    const now = await classes(page);
    for (const cls of c.cls) assert.ok(!now.includes(cls), `${c.button}: html.${cls} gone after turning it off`);
    await page.evaluate(() => localStorage.clear());
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('zoom steps from 100 % to 200 % and back, persisted; the buttons say when a limit is reached', async () => {
  const context = await h.browser.newContext({ viewport: DESKTOP });
  const { page, problems } = await watchedPage(context);
  await page.goto(h.url('/en/'));
  await page.click('#a11y-open');
  const glyph = () => page.evaluate(() => {
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('main p'));
    return r.getClientRects()[0].height;
  });
  const normal = await glyph();
  assert.equal(await page.getAttribute('[data-zoom="-1"]', 'aria-disabled'), 'true');
  for (const step of [125, 150, 175, 200]) {
    await page.click('[data-zoom="1"]');
    assert.equal((await page.textContent('[data-zoom-value]')).trim(), `${step}%`);
    assert.ok((await classes(page)).includes(`a11y-zoom-${step}`));
  }
  assert.equal(await page.getAttribute('[data-zoom="1"]', 'aria-disabled'), 'true');
  await page.click('[data-zoom="1"]', { force: true });
  assert.ok((await classes(page)).includes('a11y-zoom-200'), 'no step past 200 %');
  // The page's text is twice as large on screen (a line box of the first paragraph).
  const zoomed = await glyph();
  assert.ok(zoomed / normal > 1.9 && zoomed / normal < 2.1, `line ${normal}px at 100 %, ${zoomed}px at 200 %`);
  await page.reload();
  assert.ok((await classes(page)).includes('a11y-zoom-200'), 'zoom persisted');
  await page.click('#a11y-open');
  await page.click('[data-zoom="-1"]');
  assert.ok((await classes(page)).includes('a11y-zoom-175'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('large text: main text at least 18 pt, 24 pt and 30 pt at the three steps, line height 1.5+', async () => {
  const context = await h.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  for (const [step, px] of [[1, 24], [2, 32], [3, 40]]) {
    await page.goto(h.url('/'));
    await page.evaluate(([key, step]) => localStorage.setItem(key, JSON.stringify({ text: step })), [KEY, step]);
    for (const url of ['/handbook/traffic/', '/en/role-models/li-mei/']) {
      await page.goto(h.url(url));
      const m = await page.evaluate(() => {
        const s = getComputedStyle(document.querySelector('main .prose p'));
        return { size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight) };
      });
      assert.ok(m.size >= px - 0.5, `step ${step}, ${url}: ${m.size}px, want ${px}px`);
      assert.ok(m.line / m.size >= 1.5, `step ${step}: line height ${m.line / m.size}`);
    }
  }
  await context.close();
});

test('a keyboard-only run reaches and operates every control; Escape closes and returns focus', async () => {
  const context = await h.browser.newContext({ viewport: PHONE });
  const { page, problems } = await watchedPage(context);
  await page.goto(h.url('/'));
  // Tab, Tab: the second skip link; Enter opens the toolbar with focus on its toggle.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#a11y-open');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'a11y-open');
  assert.equal(await page.evaluate(() => document.querySelector('details.a11y').open), true);
  const buttons = await page.$$eval('.a11y-panel button', (bs) => bs.map((b) => b.outerHTML.match(/data-[a-z]+(="[^"]*")?( data-value="[^"]*")?/)[0]));
  const reached = [];
  for (let i = 0; i < buttons.length; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement.outerHTML.match(/data-[a-z]+(="[^"]*")?( data-value="[^"]*")?/)?.[0]));
  }
  assert.deepEqual(reached, buttons, 'Tab goes through every control in order');
  // Operate the toggles with Space and Enter, from the keyboard only.
  const press = async (selector, key) => {
    await page.focus(`.a11y-panel ${selector}`);
    await page.keyboard.press(key);
  };
  await press('[data-set="text"][data-value="2"]', 'Space');
  await press('[data-set="contrast"][data-value="yb"]', 'Enter');
  await press('[data-zoom="1"]', 'Enter');
  await press('[data-set="simple"]', 'Space');
  await press('[data-set="cursor"]', 'Space');
  await press('[data-set="cross"]', 'Enter');
  await press('[data-set="rate"][data-value="0.75"]', 'Enter');
  await press('[data-set="point"]', 'Space');
  const on = await classes(page);
  for (const cls of ['a11y-text-2', 'a11y-hc-yb', 'a11y-zoom-125', 'a11y-simple', 'a11y-cursor']) assert.ok(on.includes(cls), cls);
  assert.equal(await page.locator('.a11y-guide').count(), 2, 'crosshair lines');
  assert.equal(await pressed(page, '[data-set="rate"][data-value="0.75"]'), 'true');
  assert.equal(await pressed(page, '[data-set="point"]'), 'true');
  // Reset, from the keyboard: everything back to the defaults, and saved so.
  await press('[data-reset]', 'Enter');
  const reset = await classes(page);
  assert.deepEqual(reset.filter((c) => c.startsWith('a11y') || c === 'elder'), []);
  assert.equal(await page.locator('.a11y-guide').count(), 0);
  assert.equal(await pressed(page, '[data-set="text"][data-value="0"]'), 'true');
  // Escape closes the toolbar and puts focus back on its toggle; so does the close button.
  await page.focus('.a11y-panel [data-set="simple"]');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('details.a11y').open), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'a11y-open');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('details.a11y').open), true, 'Enter on the toggle opens it');
  await press('[data-close]', 'Enter');
  assert.equal(await page.evaluate(() => document.querySelector('details.a11y').open), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'a11y-open');
  assert.deepEqual(problems, []);
  await context.close();
});

test('targets are at least 44 px, and 60 px in large text', async () => {
  for (const [settings, min] of [[{}, 44], [{ text: 1 }, 60], [{ text: 3, zoom: 200 }, 60]]) {
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await h.browser.newContext({ viewport });
      await presetSettings(context, settings);
      const page = await context.newPage();
      await page.goto(h.url('/en/'));
      await page.click('#a11y-open');
      const small = await page.$$eval('.a11y-open, .a11y-panel button', (els, min) => els
        .map((e) => ({ e: e.textContent.trim(), r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width < min - 0.5 || r.height < min - 0.5)
        .map(({ e, r }) => `${e} ${Math.round(r.width)}×${Math.round(r.height)}`), min);
      assert.deepEqual(small, [], `${JSON.stringify(settings)} at ${viewport.width}px`);
      await context.close();
    }
  }
});

test('reflow: no sideways scrolling at 320 px with 200 % zoom (and with large text, simplified, high contrast)', async () => {
  const urls = ['/', '/en/', '/role-models/', '/role-models/li-mei/', '/en/role-models/li-mei/', '/handbook/waste-sorting/',
    '/en/handbook/waste-sorting/', '/handbook/print/', '/en/handbook/print/', '/ads/zebra-crossing/', '/en/ads/',
    '/news/', '/en/news/2026-11-24-third-assessment/', '/search/', '/en/search/', '/sitemap/', '/en/tags/'];
  const failures = [];
  for (const settings of [{ zoom: 200 }, { zoom: 200, text: 1, contrast: 'yb' }, { zoom: 200, simple: true, contrast: 'bw' }, { text: 3 }]) {
    const context = await h.browser.newContext({ viewport: { width: 320, height: 640 } });
    await presetSettings(context, settings);
    const page = await context.newPage();
    for (const url of urls) {
      await page.goto(h.url(url));
      for (const open of [false, true]) {
        if (open) await page.click('#a11y-open');
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        if (scroll > client) failures.push(`${url} ${JSON.stringify(settings)}${open ? ' (toolbar open)' : ''}: ${scroll}px wide in ${client}px`);
      }
    }
    await context.close();
  }
  assert.deepEqual(failures, []);
});

test('without JavaScript the toolbar opens and says which features need JavaScript; the page works', async () => {
  for (const [url, text] of [['/', 'JavaScript'], ['/en/', 'JavaScript']]) {
    const context = await h.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(h.url(url));
    assert.equal(await page.isVisible('.a11y-nojs'), false, 'closed at first');
    await page.click('#a11y-open');
    assert.ok(await page.isVisible('.a11y-nojs'));
    assert.match(await page.textContent('.a11y-nojs'), new RegExp(text));
    assert.equal(await page.isVisible('.a11y-controls'), false, 'no dead buttons');
    // The page itself still navigates.
    await Promise.all([page.waitForNavigation(), page.click('.site-nav li:nth-child(2) a')]);
    assert.ok(await page.isVisible('main h1'));
    await context.close();
  }
});

test('high contrast: images stay visible and the focus ring is drawn', async () => {
  for (const contrast of ['bw', 'yb']) {
    const context = await h.browser.newContext({ viewport: DESKTOP });
    await presetSettings(context, { contrast });
    const page = await context.newPage();
    await page.goto(h.url('/role-models/li-mei/'));
    const img = await page.evaluate(() => {
      const i = document.querySelector('main img');
      const s = getComputedStyle(i);
      return { visible: s.visibility === 'visible' && s.display !== 'none' && parseFloat(s.opacity) === 1, w: i.getBoundingClientRect().width, filter: s.filter };
    });
    assert.ok(img.visible && img.w > 0 && img.filter === 'none', `${contrast}: ${JSON.stringify(img)}`);
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.equal(ring.style, 'solid');
    assert.ok(ring.width >= 3, `${contrast}: focus ring ${ring.width}px`);
    await context.close();
  }
});

test('print ignores every mode: the handbook print page prints plain, without the toolbar', async () => {
  const context = await h.browser.newContext({ viewport: DESKTOP });
  await presetSettings(context, { text: 3, contrast: 'yb', zoom: 200, simple: true, cursor: true, cross: true });
  const page = await context.newPage();
  await page.goto(h.url('/handbook/print/'));
  assert.equal(await page.locator('.a11y-guide').count(), 2, 'modes on, on screen');
  await page.emulateMedia({ media: 'print' });
  const m = await page.evaluate(() => {
    const p = getComputedStyle(document.querySelector('.print-chapter p'));
    const main = getComputedStyle(document.querySelector('main'));
    return {
      color: p.color, size: parseFloat(p.fontSize), zoom: main.zoom,
      background: getComputedStyle(document.body).backgroundColor,
      toolbar: getComputedStyle(document.querySelector('details.a11y')).display,
      guide: getComputedStyle(document.querySelector('.a11y-guide')).display,
    };
  });
  assert.notEqual(m.color, 'rgb(255, 255, 0)', 'no yellow text on paper');
  assert.ok(m.size <= 16, `print text ${m.size}px (11 pt)`);
  assert.equal(m.zoom, '1');
  assert.equal(m.background, 'rgb(255, 255, 255)');
  assert.equal(m.toolbar, 'none');
  assert.equal(m.guide, 'none');
  await context.close();
});

test('search works in every mode at once, typed key by key', async () => {
  const context = await h.browser.newContext({ viewport: PHONE });
  await presetSettings(context, { text: 3, contrast: 'yb', zoom: 200, simple: true, cursor: true, cross: true, point: true });
  const { page, problems } = await watchedPage(context);
  for (const [url, query] of [['/search/', '志愿服务'], ['/en/search/', 'volunteer']]) {
    await page.goto(h.url(url));
    await page.locator('.search-form input').pressSequentially(query, { delay: 60 });
    // A field squeezed to no width by large text and zoom once took the keys in reverse order.
    assert.equal(await page.inputValue('.search-form input'), query);
    const box = await page.locator('.search-form input').boundingBox();
    assert.ok(box.width >= 100, `${url}: the field is ${box.width}px wide`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0, null, { timeout: 10000 });
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client, `${url}: ${scroll}px wide in ${client}px`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
