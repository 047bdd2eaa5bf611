// Time the shipped search.js on an index written by `search_bench --out DIR` (files read from
// disk up front, so this is CPU only: segmentation, decoding, ranking, snippets).
//   node tests/search/bench.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2];
const here = path.dirname(fileURLToPath(import.meta.url));
const source = fs.readFileSync(path.join(here, '../../themes/civic/static/js/search.js'), 'utf8');
const fetch = async (url) => {
  const buf = fs.readFileSync(path.join(dir, url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '')));
  return { ok: true, json: async () => JSON.parse(buf.toString('utf8')), arrayBuffer: async () => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) };
};
const ctx = vm.createContext({ console, setTimeout, clearTimeout, URLSearchParams });
vm.runInContext(source, ctx);
const S = ctx.CivicSearch;
for (const [lang, qs] of [['zh-CN', ['志愿服务', '文明', '垃圾分类', '道德模范', '疫情防控常态化', '明湖区志愿者开展垃圾分类宣传活动']], ['en', ['volunteer', 'garbage sorting']]]) {
  for (const q of qs) {
    const ix = new S.Index(`http://site/search/${lang}/`, fetch);
    const t = performance.now();
    const res = await ix.search(q);
    const recs = await ix.records(res.hits.slice(0, 10));
    recs.forEach((r) => S.snippet(r.x, res.groups));
    console.log(`${lang} ${q}: ${res.hits.length} hits, ${(performance.now() - t).toFixed(1)} ms (cold, incl. JSON parse)`);
  }
}
