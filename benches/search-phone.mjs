// Search latency on a phone profile, in headless Chromium (issue 6): for each query, a fresh
// browser context opens the search page, types the query and measures the time from the last
// keystroke to the first result on screen, and the bytes of index files fetched.
//
//   node benches/search-phone.mjs [OUTPUT_DIR]     (default: $CIVIC_OUTPUT or output/)
//
// Profiles (Chrome DevTools Protocol, on top of a 390×844 touch viewport):
//   phone     CPU 4× slower (Lighthouse's "mid-tier mobile" factor), local network
//   phone-4g  the same CPU, plus 40 ms latency per request, 9 Mbit/s down, 1.5 Mbit/s up
// Two ways a query arrives: `typed` (the last keystroke; the time includes the script's 100 ms
// wait for typing to pause) and `ime/paste` (a word committed from a Chinese input method, or a
// pasted text: the script searches at once). Each query runs RUNS times; the table
// shows the median. This is a benchmark, not a test: it asserts nothing about time.
import path from 'node:path';

const out = process.argv[2];
if (out) process.env.CIVIC_OUTPUT = path.resolve(out);
const { launch, PHONE } = await import('../tests/browser/lib/harness.mjs');

const RUNS = Number(process.env.RUNS || 3);
const QUERIES = {
  'zh-CN': ['志愿服务', '垃圾分类', '道德模范', '文明', '社区志愿者帮助老人'],
  en: ['volunteer', 'waste sorting', 'role model', 'community volunteers help elderly neighbours'],
};
const PROFILES = {
  phone: { cpu: 4, net: null },
  'phone-4g': { cpu: 4, net: { latency: 40, downloadThroughput: (9e6 / 8), uploadThroughput: (1.5e6 / 8) } },
};

async function measure(h, lang, q, profile, inputType) {
  const context = await h.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.net) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.net });
  }
  const indexPath = `/search/${lang}/`;
  const fetched = [];
  page.on('response', (res) => {
    const u = new URL(res.url());
    if (!u.pathname.startsWith(indexPath)) return;
    const entry = { bytes: 0 };
    fetched.push(entry);
    entry.done = res.body().then((b) => { entry.bytes = b.length; }, () => {});
  });
  if (process.env.DETAIL) {
    await page.addInitScript(() => { window.__detail = true; });
    page.on('console', (m) => console.log('   ', m.text()));
  }
  await page.goto(h.url(lang === 'en' ? '/en/search/' : '/search/'), { waitUntil: 'load' });
  await page.waitForSelector('#civic-search.search-ready');
  await page.focus('#search-input');
  // The whole query arrives as one input event, as it does from a Chinese IME or a paste.
  const ms = await page.evaluate(([q, inputType]) => new Promise((resolve) => {
    const list = document.getElementById('search-results');
    const input = document.getElementById('search-input');
    const t0 = performance.now();
    new MutationObserver((_, obs) => {
      if (!list.querySelector('li')) return;
      obs.disconnect();
      const ms = performance.now() - t0;
      if (window.__detail) {
        const r = performance.getEntriesByType('resource').filter((e) => e.name.includes('/search/') && e.startTime >= t0);
        console.log(r.map((e) => `${new URL(e.name).pathname.split('/').slice(-2).join('/')} ${(e.startTime - t0).toFixed(0)}-${(e.responseEnd - t0).toFixed(0)}`).join('  '), `→ ${ms.toFixed(0)}`);
      }
      resolve(ms);
    }).observe(list, { childList: true });
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q, inputType }));
  }), [q, inputType]);
  await Promise.all(fetched.map((f) => f.done));
  const bytes = fetched.reduce((s, f) => s + f.bytes, 0);
  await context.close();
  return { ms, bytes, requests: fetched.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const h = await launch();
try {
  console.log(`site: ${process.env.CIVIC_OUTPUT || 'output/'}; ${RUNS} runs per query, median`);
  console.log('profile    lang   query                                       typed ms  ime/paste ms  KB fetched  requests');
  for (const [name, profile] of Object.entries(PROFILES)) {
    for (const [lang, queries] of Object.entries(QUERIES)) {
      for (const q of queries) {
        const typed = [], pasted = [];
        for (let i = 0; i < RUNS; i++) {
          typed.push(await measure(h, lang, q, profile, 'insertText'));
          pasted.push(await measure(h, lang, q, profile, 'insertFromPaste'));
        }
        const ms = (runs) => median(runs.map((r) => r.ms)).toFixed(0);
        const kb = median(typed.map((r) => r.bytes)) / 1024;
        const req = median(typed.map((r) => r.requests));
        const wide = [...q].filter((c) => c > '\u2e80').length;
        console.log(`${name.padEnd(10)} ${lang.padEnd(6)} ${q.padEnd(42 - wide)} ${ms(typed).padStart(9)} ${ms(pasted).padStart(13)} ${kb.toFixed(1).padStart(11)} ${String(req).padStart(9)}`);
      }
    }
  }
} finally {
  await h.close();
}
