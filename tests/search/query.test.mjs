// Tests of the shipped themes/civic/static/js/search.js under node (no dependencies).
// Run by tests/integration/search_index.rs, which builds an index with the Rust indexer into a temp folder
// and sets CIVIC_SEARCH_FIXTURE; the fixture also holds the Rust reference answers, so this
// checks that the browser code segments, ranks and fetches exactly like the Rust side.
// Without the fixture only the self-contained tests run:  node --test tests/search/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const scriptPath = path.join(here, '../../themes/civic/static/js/search.js');
const source = fs.readFileSync(scriptPath, 'utf8');
const fixtureDir = process.env.CIVIC_SEARCH_FIXTURE;
const fixture = fixtureDir ? JSON.parse(fs.readFileSync(path.join(fixtureDir, 'fixture.json'), 'utf8')) : null;
const plain = (v) => JSON.parse(JSON.stringify(v)); // values from the vm context → this realm
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A fetch over the fixture folder; `delay(path)` gives a per-request latency.
function makeFetch(log, delay = () => 0) {
  return (url) => {
    const rel = url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '');
    const file = path.join(fixtureDir, rel);
    log.push(rel);
    return sleep(delay(rel)).then(() => {
      if (!fs.existsSync(file)) return { ok: false, status: 404 };
      const buf = fs.readFileSync(file);
      return {
        ok: true, status: 200,
        json: async () => JSON.parse(buf.toString('utf8')),
        arrayBuffer: async () => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length),
      };
    });
  };
}

function load(globals = {}) {
  const ctx = vm.createContext({ console, setTimeout, clearTimeout, URLSearchParams, ...globals });
  vm.runInContext(source, ctx, { filename: 'search.js' });
  return ctx;
}

test('source is CSP-safe and never touches innerHTML or the page title', () => {
  for (const bad of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'eval(', 'new Function', 'document.title', 'document.write']) {
    assert.ok(!source.includes(bad), bad);
  }
});

test('stemmer and stop words', () => {
  const S = load().CivicSearch;
  assert.equal(S.stem('volunteers'), 'volunteer');
  assert.equal(S.stem('volunteering'), 'volunteer');
  assert.equal(S.stem('cities'), 'city');
  assert.equal(S.wordTerm('the'), null);
  assert.equal(S.normalize('ＡＢＣ\u200bＤ'), 'abcd');
});

test('snippet marks hits around the densest place', () => {
  const S = load().CivicSearch;
  const text = '前言。'.repeat(60) + '社区开展志愿服务活动，志愿服务队参加。' + '结尾。'.repeat(60);
  const segs = plain(S.snippet(text, [[['志愿服务', 1]]]));
  assert.deepEqual(segs.filter((s) => s.mark).map((s) => s.text), ['志愿服务', '志愿服务']);
  assert.equal(segs[0].text, '…');
  const en = plain(S.snippet('Our Volunteers help. A volunteer day.', [[['volunteer', 1]]]));
  assert.deepEqual(en.filter((s) => s.mark).map((s) => s.text), ['Volunteers', 'volunteer']);
});

test('same stems as the Rust tokenizer', { skip: !fixture }, () => {
  const S = load().CivicSearch;
  for (const [w, t] of fixture.stems) assert.equal(S.wordTerm(S.normalize(w)), t, w);
});

test('same segmentation, ranking and fetches as the Rust reference', { skip: !fixture }, async () => {
  for (const c of fixture.cases) {
    const log = [];
    const S = load().CivicSearch;
    const ix = new S.Index(`http://site/search/${c.lang}/`, makeFetch(log));
    const res = plain(await ix.search(c.q));
    await ix.records(res.hits.slice(0, 10));
    assert.deepEqual(res.groups, c.groups, `groups for ${c.q}`);
    assert.deepEqual(res.hits.map((h) => h.id), c.ids, `ranking for ${c.q}`);
    const fetched = log.map((p) => p.replace(`search/${c.lang}/`, ''));
    assert.deepEqual([...fetched].sort(), [...c.fetched].sort(), `fetches for ${c.q}`);
  }
});

// ---- A minimal DOM, enough for init() -------------------------------------------------------
class Node_ {
  constructor(doc, tag, text) {
    Object.assign(this, { ownerDocument: doc, tagName: tag, children: [], attrs: {}, listeners: {}, hidden: false, text });
    this.classList = { add: (c) => { this.className = ((this.className || '') + ' ' + c).trim(); } };
  }
  get textContent() { return this.text !== undefined ? this.text : this.children.map((c) => c.textContent).join(''); }
  set textContent(v) { this.children = v ? [new Node_(this.ownerDocument, '#text', String(v))] : []; }
  getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; }
  setAttribute(k, v) { this.attrs[k] = String(v); }
  appendChild(c) { if (c.tagName === '#fragment') this.children.push(...c.children); else this.children.push(c); return c; }
  addEventListener(t, f) { (this.listeners[t] = this.listeners[t] || []).push(f); }
  dispatch(t, ev = {}) { for (const f of this.listeners[t] || []) f({ preventDefault() {}, ...ev }); }
  focus() { this.ownerDocument.activeElement = this; }
  all() { return this.children.flatMap((c) => [c, ...c.all()]); }
  matches(sel) {
    const m = /^([a-z0-9]*)(?:\[([a-z-]+)=([a-z-]+)\])?(?:\.([a-z-]+))?$/.exec(sel);
    return !!m && (!m[1] || this.tagName === m[1]) && (!m[2] || this.getAttribute(m[2]) === m[3]) &&
      (!m[4] || (this.className || '').split(' ').includes(m[4]));
  }
  querySelector(sel) { return this.all().find((n) => n.matches(sel)) || null; }
  querySelectorAll(sel) { return this.all().filter((n) => n.matches(sel)); }
}
function makePage(lang, query) {
  const doc = { title: '搜索', readyState: 'complete', activeElement: null, replaced: [] };
  doc.createElement = (t) => new Node_(doc, t);
  doc.createTextNode = (s) => new Node_(doc, '#text', s);
  doc.createDocumentFragment = () => new Node_(doc, '#fragment');
  const box = doc.createElement('div');
  Object.assign(box.attrs, { id: 'civic-search', 'data-index': `http://site/search/${lang}/`,
    'data-msg-results': '找到 {n} 条结果', 'data-msg-none': '没有找到', 'data-msg-searching': '正在搜索', 'data-msg-error': '出错' });
  const form = box.appendChild(doc.createElement('form'));
  const input = form.appendChild(doc.createElement('input'));
  input.setAttribute('type', 'search');
  input.value = '';
  const status = box.appendChild(doc.createElement('p'));
  status.setAttribute('role', 'status');
  const list = box.appendChild(doc.createElement('ol'));
  const more = box.appendChild(doc.createElement('button'));
  more.className = 'search-more';
  doc.getElementById = (id) => (id === 'civic-search' ? box : null);
  const location = { search: query ? '?q=' + encodeURIComponent(query) : '', pathname: '/search/' };
  const history = { replaceState: (a, b, url) => doc.replaced.push(url) };
  return { doc, input, status, list, more, form, location, history };
}
const titles = (list) => list.querySelectorAll('h2').map((h) => h.textContent);

test('page: ?q= runs the query, results are built with text nodes and <mark>', { skip: !fixture }, async () => {
  const page = makePage('zh-CN', '李梅');
  const log = [];
  load({ document: page.doc, location: page.location, history: page.history, fetch: makeFetch(log) });
  await sleep(100);
  const c = fixture.cases.find((x) => x.lang === 'zh-CN' && x.q === '李梅');
  assert.equal(page.input.value, '李梅');
  assert.equal(page.list.querySelectorAll('a')[0].href, c.urls[0]);
  assert.equal(page.status.textContent, `找到 ${c.ids.length} 条结果`);
  assert.ok(page.list.querySelectorAll('mark').some((m) => m.textContent === '李梅'));
  assert.equal(page.doc.title, '搜索');
});

test('page: typing key by key shows only the final query, even if earlier answers arrive late', { skip: !fixture }, async () => {
  const page = makePage('zh-CN', '');
  let slow = true;
  const log = [];
  const fetch = makeFetch(log, () => (slow ? 400 : 5));
  load({ document: page.doc, location: page.location, history: page.history, fetch });
  page.input.value = '文化';
  page.input.dispatch('input');
  await sleep(260); // debounce fired: the 文化 query is in flight, slowly
  slow = false;
  page.input.value = '志愿';
  page.input.dispatch('input');
  page.input.value = '志愿服务';
  page.input.dispatch('input');
  await sleep(1500);
  const c = fixture.cases.find((x) => x.lang === 'zh-CN' && x.q === '志愿服务');
  assert.deepEqual(page.list.querySelectorAll('a').map((a) => a.href), c.urls);
  assert.equal(page.status.textContent, `找到 ${c.ids.length} 条结果`);
  assert.ok(!titles(page.list).some((t) => t.includes('文化节')));
  assert.equal(page.doc.title, '搜索');
  assert.deepEqual(page.doc.replaced, ['?q=%E6%96%87%E5%8C%96', '?q=%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1']);
  // Arrow keys move from the input into the results.
  page.input.dispatch('keydown', { key: 'ArrowDown' });
  assert.equal(page.doc.activeElement, page.list.querySelectorAll('a')[0]);
});
