// Read-aloud of the accessibility toolbar, with the page's speechSynthesis replaced by a recorder
// (lib/a11y.mjs): what is said, in what order and with what lang, for a Chinese page, an English
// page and a page with both languages; navigation is skipped; the block being read is
// highlighted; pause, resume, stop and speed; point reading; and the message where no voice exists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage, DESKTOP } from './lib/harness.mjs';
import { installSpeechRecorder, speakAll } from './lib/a11y.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const BOTH = [['zh-CN', 'Tingting'], ['en-GB', 'Daniel']];

async function open(voices, url) {
  const context = await h.browser.newContext({ viewport: DESKTOP });
  await installSpeechRecorder(context, voices);
  const { page, problems } = await watchedPage(context);
  await page.goto(h.url(url));
  await page.click('#a11y-open');
  return { context, page, problems };
}

// The texts "read the page" must cover, in document order after the title: every visible heading,
// paragraph and list item of <main> outside navigation, and the alt text of its images.
function expectedBlocks() {
  const out = [document.querySelector('main h1').textContent.replace(/\s+/g, ' ').trim()];
  for (const el of document.querySelectorAll('main :is(h1, h2, h3, p, li, img[alt]:not([alt=""]))')) {
    if (el.closest('nav') || el.matches('h1') || !el.getClientRects().length) continue;
    if (el.matches('li') && el.querySelector('p')) continue;
    const text = (el.tagName === 'IMG' ? el.alt : el.textContent).replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out;
}

const squash = (s) => s.replace(/\s+/g, '');

for (const [lang, url] of [['zh-CN', '/handbook/waste-sorting/'], ['en', '/en/handbook/waste-sorting/'], ['zh-CN', '/role-models/li-mei/'], ['en', '/en/ads/zebra-crossing/']]) {
  test(`read the page: ${url} in order, lang ${lang}, navigation skipped, each block highlighted`, async () => {
    const { context, page, problems } = await open(BOTH, url);
    const blocks = await page.evaluate(expectedBlocks);
    const navTexts = await page.evaluate(() => [...document.querySelectorAll('main nav a, .site-nav a')].map((a) => a.textContent.trim()));
    await page.click('[data-read="page"]');
    assert.match(await page.textContent('.a11y-status'), /朗读|Reading/);
    const said = await speakAll(page);
    assert.ok(said.length >= blocks.length / 2, `${said.length} utterances for ${blocks.length} blocks`);
    assert.equal(squash(said[0].text), squash(await page.textContent('main h1')), 'the title first');
    for (const u of said) {
      assert.equal(u.lang, lang, `lang of “${u.text}”`);
      assert.equal(u.voice, lang === 'en' ? 'Daniel' : 'Tingting');
      assert.equal(u.inNav, false, `“${u.text}” is not navigation`);
      assert.ok(u.highlighted && squash(u.highlighted).includes(squash(u.text)), `“${u.text}” highlighted while read (${u.highlighted})`);
    }
    // Every block is spoken, in document order.
    const all = squash(said.map((u) => u.text).join(''));
    let from = 0;
    for (const b of blocks) {
      const at = all.indexOf(squash(b), from);
      assert.ok(at >= 0, `“${b}” is read, after what comes before it`);
      from = at;
    }
    // Navigation is not: breadcrumb and chapter links are not spoken as utterances of their own.
    for (const n of navTexts) assert.ok(!said.some((u) => u.text === n && !blocks.includes(n)), `nav “${n}” skipped`);
    // Done: highlight gone, status says so.
    assert.equal(await page.locator('.a11y-reading').count(), 0);
    assert.match(await page.textContent('.a11y-status'), /完毕|Finished/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a page with both languages switches lang (and voice) by element', async () => {
  const { context, page } = await open(BOTH, '/about/');
  // A real built page, with a bilingual passage of the kind an editor writes (a quoted English
  // title inside Chinese text, and an English paragraph).
  await page.evaluate(() => {
    const main = document.querySelector('main .prose') || document.querySelector('main');
    main.insertAdjacentHTML('beforeend', '<p id="mixed">请阅读<span lang="en">Civic Handbook</span>第二章。</p><p lang="en" id="mixed-en">Volunteers meet on Saturdays.</p>');
  });
  await page.click('[data-read="page"]');
  const said = await speakAll(page);
  const tail = said.slice(-4).map((u) => [u.text, u.lang, u.voice]);
  assert.deepEqual(tail, [
    ['请阅读', 'zh-CN', 'Tingting'],
    ['Civic Handbook', 'en', 'Daniel'],
    ['第二章。', 'zh-CN', 'Tingting'],
    ['Volunteers meet on Saturdays.', 'en', 'Daniel'],
  ]);
  await context.close();
});

test('pause, resume, stop and speed', async () => {
  const { context, page } = await open(BOTH, '/en/handbook/waste-sorting/');
  await page.click('[data-set="rate"][data-value="1.3"]');
  await page.click('[data-read="page"]');
  const first = await page.evaluate(() => window.__speech.current);
  assert.ok(first);
  await page.click('[data-read="pause"]');
  assert.equal(await page.getAttribute('[data-read="pause"]', 'aria-pressed'), 'true');
  assert.match(await page.textContent('.a11y-status'), /Paused/);
  await page.click('[data-read="pause"]');
  assert.equal(await page.getAttribute('[data-read="pause"]', 'aria-pressed'), 'false');
  const calls = await page.evaluate(() => window.__speech.log.filter((e) => typeof e === 'string'));
  assert.deepEqual(calls.slice(-2), ['pause', 'resume']);
  // One more utterance, then stop: nothing further is spoken, the highlight is gone.
  await page.evaluate(() => window.__speech.end());
  await page.click('[data-read="stop"]');
  assert.equal(await page.evaluate(() => window.__speech.current), null);
  assert.equal(await page.locator('.a11y-reading').count(), 0);
  assert.match(await page.textContent('.a11y-status'), /Stopped/);
  const spoken = await speakAll(page);
  assert.equal(spoken.length, 2, 'two utterances started before stop, none after');
  assert.ok(spoken.every((u) => u.rate === 1.3), 'the chosen speed');
  // The speed persists.
  await page.reload();
  assert.equal(await page.getAttribute('[data-set="rate"][data-value="1.3"]', 'aria-pressed'), 'true');
  await context.close();
});

test('point reading: the element under the pointer, or with keyboard focus, is read', async () => {
  const { context, page } = await open(BOTH, '/handbook/waste-sorting/');
  await page.click('[data-set="point"]');
  assert.match(await page.textContent('.a11y-status'), /指读/);
  await page.keyboard.press('Escape'); // close the panel, without pointing at anything
  await page.waitForTimeout(400);
  await speakAll(page);
  await page.evaluate(() => { window.__speech.log.length = 0; });
  const p = page.locator('main .prose p').first();
  await p.hover();
  await page.waitForFunction(() => window.__speech.current !== null);
  const said = await speakAll(page);
  assert.equal(squash(said.map((u) => u.text).join('')), squash(await p.textContent()));
  assert.ok(said.every((u) => u.lang === 'zh-CN'));
  // Keyboard focus: the link reached by Tab is read at once, navigation included.
  await page.focus('.site-nav a[href="/handbook/"]');
  await page.waitForFunction(() => window.__speech.current !== null);
  assert.equal(await page.evaluate(() => window.__speech.current), await page.textContent('.site-nav a[href="/handbook/"]'));
  await context.close();
});

test('no voice for the language: the toolbar says so instead of failing silently', async () => {
  // Only an English voice on a Chinese page.
  let { context, page } = await open([['en-US', 'Samantha']], '/handbook/waste-sorting/');
  await page.click('[data-read="page"]');
  assert.match(await page.textContent('.a11y-status'), /没有中文语音/);
  assert.deepEqual(await speakAll(page), []);
  await context.close();
  // No voices at all, on an English page.
  ({ context, page } = await open([], '/en/'));
  await page.click('[data-read="page"]');
  await page.waitForFunction(() => document.querySelector('.a11y-status').textContent !== '', null, { timeout: 3000 });
  assert.match(await page.textContent('.a11y-status'), /no English voice/);
  await context.close();
  // No speech synthesis in the browser.
  context = await h.browser.newContext({ viewport: DESKTOP });
  await context.addInitScript(() => { Object.defineProperty(window, 'speechSynthesis', { value: undefined }); });
  page = await context.newPage();
  await page.goto(h.url('/en/'));
  await page.click('#a11y-open');
  await page.click('[data-read="page"]');
  assert.match(await page.textContent('.a11y-status'), /cannot read aloud/);
  await context.close();
});
