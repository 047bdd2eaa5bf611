// Site search in the browser (issue 6): queries typed key by key on /search/ and /en/search/ find
// the pages they should, show title, section, date and <mark>ed snippets, announce the count,
// never put the query into the page title, start from ?q=, and stay small on the wire. Without
// JavaScript the page says so and links the site map. axe finds nothing with results shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, watchedPage, OUTPUT, PHONE, DESKTOP } from './lib/harness.mjs';
import { AXE, runAxe, describe } from './lib/axe.mjs';

const BUDGET = 300 * 1024; // bytes of index files per query (meta, vocabulary, postings, records)
const MSG = {
  'zh-CN': { results: (n) => `找到 ${n} 条结果`, searching: '正在搜索…' },
  en: { results: (n) => `${n} results`, searching: 'Searching…' },
};

// Chosen by reading content/: the page a citizen means comes first (`first`: any of these), the
// others must be there too. `word` is what a <mark> may hold; a result whose title or stored text
// (the first 480 characters, docs/search.md) has such a word must show it marked.
const QUERIES = {
  'zh-CN': [
    // The chapter 第十章 志愿服务 and the news 学雷锋志愿服务月启动… both carry the word in title and tags
    // and score within 2 % of each other (title hits saturate the score byte): either may lead.
    { q: '志愿服务', first: ['/handbook/volunteering/', '/news/2026-03-05-lei-feng-month/'],
      also: ['/handbook/volunteering/', '/news/2026-03-05-lei-feng-month/', '/ads/lei-feng-month/', '/role-models/qian-fusheng/'], word: /志愿服务/ },
    { q: '垃圾分类', first: ['/handbook/waste-sorting/'], also: ['/role-models/liu-guifang/', '/news/2026-10-09-short-video-challenge/'], word: /垃圾分类/ },
    { q: '李梅', first: ['/role-models/li-mei/'], also: [], word: /李梅/ },
  ],
  en: [
    { q: 'volunteer', first: ['/en/handbook/volunteering/', '/en/news/2026-03-05-lei-feng-month/'],
      also: ['/en/handbook/volunteering/', '/en/news/2026-03-05-lei-feng-month/', '/en/ads/lei-feng-month/'], word: /\bvolunteer(s|ed|ing)?\b/i },
    { q: 'waste sorting', first: ['/en/handbook/waste-sorting/'], also: ['/en/role-models/liu-guifang/'], word: /\b(waste[sd]?|sort(s|ed|ing)?)\b/i },
  ],
};
const prefixOf = (lang) => (lang === 'en' ? '/en' : '');

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

/** A page that records every document.title it ever had and the bytes of index files it fetched. */
async function searchPage(context, lang) {
  await context.addInitScript(() => {
    window.__titles = [];
    const note = () => { if (window.__titles.at(-1) !== document.title) window.__titles.push(document.title); };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
    document.addEventListener('DOMContentLoaded', note);
  });
  const { page, problems } = await watchedPage(context);
  const fetched = [];
  const indexPath = `/search/${lang}/`;
  page.on('response', async (res) => {
    const u = new URL(res.url());
    if (!u.pathname.startsWith(indexPath)) return;
    const entry = { path: u.pathname.slice(indexPath.length), bytes: 0 };
    fetched.push(entry);
    entry.done = res.body().then((b) => { entry.bytes = b.length; }, () => {});
  });
  const bytes = async () => {
    await Promise.all(fetched.map((f) => f.done));
    return fetched.reduce((s, f) => s + f.bytes, 0);
  };
  return { page, problems, fetched, bytes };
}

/** Waits until the results on screen are those of `q` (the URL carries it; the status is final). */
async function settled(page, q, lang) {
  await page.waitForFunction(([q, searching]) => {
    const status = document.getElementById('search-status').textContent;
    return new URLSearchParams(location.search).get('q') === q && status !== '' && status !== searching;
  }, [q, MSG[lang].searching]);
  // Give a late answer of an earlier query its chance to (wrongly) land.
  await page.waitForTimeout(150);
}

/** Types `q` one key at a time; some pauses are longer than the 100 ms debounce, so prefixes run too. */
async function typeQuery(page, q) {
  await page.fill('#search-input', '');
  await page.focus('#search-input');
  let i = 0;
  for (const ch of q) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(i++ % 2 ? 40 : 260);
  }
}

async function results(page) {
  return page.$$eval('#search-results > li', (lis) => lis.map((li) => ({
    href: li.querySelector('h2 a')?.getAttribute('href'),
    title: li.querySelector('h2 a')?.textContent.trim(),
    meta: li.querySelector('.search-result-meta')?.textContent.trim(),
    snippet: li.querySelector('.search-result-snippet')?.textContent.trim(),
    marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    snippetMarks: [...li.querySelectorAll('.search-result-snippet mark')].map((m) => m.textContent),
  })));
}

/** The search record of a page (title, section, date) as the index holds it, read from disk. */
function records(lang) {
  const dir = path.join(OUTPUT, 'search', lang, 'd');
  const byUrl = new Map();
  for (const f of fs.readdirSync(dir)) {
    const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    byUrl.set(r.u, r);
  }
  return byUrl;
}

/** Text of a built page's <main>, tags dropped (for "does this page contain the word"). */
function mainText(url) {
  const html = fs.readFileSync(path.join(OUTPUT, url, 'index.html'), 'utf8');
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main.replace(/<[^>]*>/g, ' ');
}

async function checkResults(page, lang, { q, first, also, word }) {
  const shown = await results(page);
  const recs = records(lang);
  const unmarked = [];
  assert.ok(shown.length > 0, `${q}: results`);
  assert.ok(first.includes(shown[0].href), `${q}: first result ${shown[0].href}, expected ${first.join(' or ')}`);
  for (const url of also) assert.ok(shown.some((r) => r.href === url), `${q}: ${url} among ${shown.map((r) => r.href).join(' ')}`);
  const status = (await page.textContent('#search-status')).trim();
  const n = Number(status.match(/\d+/)?.[0]);
  assert.equal(status, MSG[lang].results(n), `${q}: status announces the count`);
  assert.equal(await page.getAttribute('#search-status', 'role'), 'status');
  assert.equal(shown.length, Math.min(n, 10), `${q}: ${n} found, first page shown`);
  assert.equal(await page.isVisible('.search-more'), n > 10, `${q}: "more" only when there are more`);
  const whole = new RegExp(`^(?:${word.source})$`, word.flags.replace('g', ''));
  for (const r of shown) {
    const rec = recs.get(r.href);
    assert.ok(rec, `${r.href} is a page of the index`);
    assert.equal(r.title, rec.t, `${r.href}: title`);
    assert.ok(rec.s && r.meta.includes(rec.s), `${r.href}: section "${rec.s}" in "${r.meta}"`);
    if (rec.d) assert.ok(r.meta.includes(rec.d), `${r.href}: date "${rec.d}" in "${r.meta}"`);
    assert.ok(r.snippet.length > 20, `${r.href}: snippet`);
    if (lang === 'en') { // the window never cuts a word in two
      const core = r.snippet.replace(/^…/, '').replace(/…$/, '');
      const at = rec.x.indexOf(core), end = at + core.length, letter = (c) => /\w/.test(c ?? '');
      assert.ok(at >= 0, `${r.href}: snippet taken from the page's text`);
      assert.ok(!(letter(rec.x[at - 1]) && letter(rec.x[at])) && !(letter(rec.x[end - 1]) && letter(rec.x[end])), `${r.href}: a word cut at the snippet's edge: ${r.snippet}`);
    }
    for (const m of r.marks) assert.match(m, whole, `${r.href}: <mark>${m}</mark> is a query word`);
    if (word.test(rec.t)) assert.ok(r.marks.length > r.snippetMarks.length, `${r.href}: the title marks the query`);
    if (word.test(rec.x)) assert.ok(r.snippetMarks.length > 0, `${r.href}: the snippet marks the query`);
    if (r.marks.length === 0) unmarked.push(r.href);
  }
  assert.ok(shown[0].snippetMarks.length > 0, `${q}: the first result's snippet marks the query`);
  const dated = shown.filter((r) => recs.get(r.href).d).length;
  return { n, dated, unmarked };
}

for (const lang of ['zh-CN', 'en']) {
  const prefix = prefixOf(lang);

  test(`typed queries find the right pages, ${lang}`, async () => {
    const context = await h.browser.newContext({ viewport: DESKTOP });
    const { page, problems, fetched, bytes } = await searchPage(context, lang);
    const report = [];
    for (const query of QUERIES[lang]) {
      await page.goto(h.url(`${prefix}/search/`));
      await page.waitForLoadState('load');
      fetched.length = 0;
      await typeQuery(page, query.q);
      await settled(page, query.q, lang);
      assert.equal(await page.inputValue('#search-input'), query.q);
      const { n, dated, unmarked } = await checkResults(page, lang, query);
      const total = await bytes();
      report.push(`${query.q}: ${total} bytes in ${fetched.length} index files; ${n} results, ${dated} of the first ${Math.min(n, 10)} dated` +
        (unmarked.length ? `, no visible hit (word past the stored text): ${unmarked.join(' ')}` : ''));
      assert.ok(total < BUDGET, `${query.q}: ${total} bytes of index files (budget ${BUDGET})`);
      const titles = await page.evaluate(() => window.__titles);
      for (const t of titles) assert.ok(!t.includes(query.q) && !t.toLowerCase().includes(query.q.toLowerCase()), `title "${t}" holds the query`);
    }
    await page.goto(h.url(`${prefix}/search/`));
    await typeQuery(page, 'qwxzv');
    await settled(page, 'qwxzv', lang);
    assert.equal(await page.locator('#search-results > li').count(), 0);
    assert.equal((await page.textContent('#search-status')).trim(), lang === 'en' ? 'No results. Try other words.' : '没有找到相关内容，请换个词试试。');
    assert.equal(await page.isVisible('.search-more'), false);
    console.log(`search ${lang}, typed key by key (prefixes included):\n  ${report.join('\n  ')}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`?q= runs the search on load, ${lang}`, async () => {
    const context = await h.browser.newContext({ viewport: PHONE });
    const { page, problems, fetched, bytes } = await searchPage(context, lang);
    const report = [];
    for (const query of QUERIES[lang]) {
      fetched.length = 0;
      await page.goto(h.url(`${prefix}/search/?q=${encodeURIComponent(query.q)}`));
      await settled(page, query.q, lang);
      assert.equal(await page.inputValue('#search-input'), query.q);
      await checkResults(page, lang, query);
      const total = await bytes();
      report.push(`${query.q}: ${total} bytes in ${fetched.length} files (${fetched.map((f) => f.path).join(' ')})`);
      assert.ok(total < BUDGET, `${query.q}: ${total} bytes`);
      assert.ok(!(await page.title()).includes(query.q));
    }
    console.log(`search ${lang}, cold from ?q=:\n  ${report.join('\n  ')}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('文明 finds pages with 文明, never pages with only 文化', async () => {
  const context = await h.browser.newContext();
  const { page, problems } = await searchPage(context, 'zh-CN');
  await page.goto(h.url('/search/'));
  await typeQuery(page, '文明');
  await settled(page, '文明', 'zh-CN');
  const civil = [];
  for (;;) { // every page of results, through "more"
    const shown = await results(page);
    if (!(await page.isVisible('.search-more'))) { civil.push(...shown); break; }
    await page.click('.search-more');
    await page.waitForFunction((k) => document.querySelectorAll('#search-results > li').length > k, shown.length);
  }
  const n = Number((await page.textContent('#search-status')).match(/\d+/)[0]);
  assert.equal(civil.length, n, 'all results listed');
  for (const r of civil) assert.ok(mainText(r.href).includes('文明'), `${r.href} contains 文明`);
  for (const r of civil) for (const m of r.marks) assert.equal(m, '文明', `${r.href}: marks 文明 only`);
  // Pages that have 文化 but not 文明 (in the page's text) must not be found.
  await typeQuery(page, '文化');
  await settled(page, '文化', 'zh-CN');
  const culture = await results(page);
  assert.ok(culture.length > 0, '文化 finds pages');
  for (const r of culture) assert.ok(mainText(r.href).includes('文化'), `${r.href} contains 文化`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('out-of-order answers: slow early queries never replace the final one', async () => {
  const context = await h.browser.newContext();
  const { page, problems } = await searchPage(context, 'zh-CN');
  let n = 0;
  // The first index requests (those of the early prefixes) answer late.
  await page.route('**/search/zh-CN/**', async (route) => {
    const slow = n++ < 6;
    if (slow) await new Promise((r) => setTimeout(r, 700));
    await route.continue().catch(() => {});
  });
  await page.goto(h.url('/search/'));
  await typeQuery(page, '垃圾分类');
  await settled(page, '垃圾分类', 'zh-CN');
  await page.waitForTimeout(800); // all slow answers are in by now
  const shown = await results(page);
  assert.equal(shown[0].href, '/handbook/waste-sorting/');
  assert.equal(new URL(page.url()).searchParams.get('q'), '垃圾分类');
  assert.deepEqual([...new Set(shown.flatMap((r) => r.marks))], ['垃圾分类']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the search page says so and links the site map', async () => {
  for (const lang of ['zh-CN', 'en']) {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(h.url(`${prefixOf(lang)}/search/`));
    assert.equal(await page.isVisible('.search-form'), false, `${lang}: no form that could not work`);
    const notice = page.locator('.search-noscript');
    assert.ok(await notice.isVisible(), `${lang}: noscript notice shown`);
    const text = await notice.textContent();
    assert.match(text, lang === 'en' ? /JavaScript/ : /JavaScript/);
    const href = await notice.locator('a').getAttribute('href');
    assert.equal(new URL(href, page.url()).pathname, `${prefixOf(lang)}/sitemap/`);
    const res = await page.goto(new URL(href, page.url()).href);
    assert.equal(res.status(), 200);
    await context.close();
  }
});

for (const viewport of [DESKTOP, PHONE]) {
  test(`axe: search page with results shown, ${viewport.width} px`, async () => {
    const failures = [];
    for (const [lang, q] of [['zh-CN', '志愿服务'], ['en', 'volunteer']]) {
      for (const elder of [false, true]) {
        const context = await h.browser.newContext({ viewport });
        await context.addInitScript(AXE);
        if (elder) await context.addInitScript(() => window.localStorage.setItem('civic-elder', '1'));
        const { page, problems } = await watchedPage(context);
        await page.goto(h.url(`${prefixOf(lang)}/search/?q=${encodeURIComponent(q)}`));
        await settled(page, q, lang);
        assert.ok((await results(page)).length > 0);
        const violations = await runAxe(page);
        const where = `${lang}${elder ? ', elder' : ''}`;
        if (violations.length) failures.push(`${where}:\n  ${describe(violations)}`);
        if (problems.length) failures.push(`${where}: ${problems.join('; ')}`);
        await context.close();
      }
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });
}
