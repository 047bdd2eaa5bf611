/* Civic site search. No dependencies, no build step, no eval/inline code (strict CSP).
 * Mirrors src/search/tokenize.rs and src/search/query.rs; tests/search/query.test.mjs checks
 * that both sides agree. Format: docs/search.md. */
(function (root) {
  'use strict';
  var VERSION = 1, MAX_TERM = 24, PAGE = 10, WINDOW = 110, DEBOUNCE = 100;
  var EN_STOP = new Set(('a about after all also am an and any are as at be been before being but by can could did do ' +
    'does for from had has have he her hers him his how i if in into is it its me more most my no nor not of on or ' +
    'our ours she so such than that the their them then there these they this those to too up us very was we were ' +
    'what when where which while who whom why will with would you your').split(' '));
  var ALNUM;
  try { ALNUM = new RegExp('[\\p{Alphabetic}\\p{N}]', 'u'); } catch (e) { ALNUM = /[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\uAC00-\uD7AF]/; }

  function isCjk(c) {
    var n = c.codePointAt(0);
    return n === 0x3007 || (n >= 0x3400 && n <= 0x4DBF) || (n >= 0x4E00 && n <= 0x9FFF) ||
      (n >= 0xF900 && n <= 0xFAFF) || (n >= 0x20000 && n <= 0x2FA1F);
  }
  function isAlnum(c) { return isCjk(c) || ALNUM.test(c); }
  function isWordChar(c) { return !isCjk(c) && ALNUM.test(c); }

  function normalize(text) {
    var out = '';
    for (var c of String(text)) {
      var n = c.codePointAt(0);
      if (n >= 0xFF01 && n <= 0xFF5E) out += String.fromCharCode(n - 0xFEE0);
      else if (n === 0x3000) out += ' ';
      else if (!((n >= 0x200B && n <= 0x200D) || n === 0x2060 || n === 0xFEFF || n === 0xAD)) out += c;
    }
    return out.toLowerCase();
  }

  // [{cjk: bool, s: string}] — CJK runs and words, like tokenize::runs.
  function runs(norm) {
    var out = [], cur = null, kind = 0;
    for (var c of norm) {
      var k = isCjk(c) ? 1 : isWordChar(c) ? 2 : 0;
      if (k !== kind) { if (cur) out.push(cur); cur = k ? { cjk: k === 1, s: '' } : null; kind = k; }
      if (cur) cur.s += c;
    }
    if (cur) out.push(cur);
    return out;
  }

  function stem(w) {
    if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
    var s = w, e = function (suf) { return s.slice(-suf.length) === suf; };
    if (e('sses')) s = s.slice(0, -2);
    else if (e('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
    else if (e('ss') || e('us') || e('is')) { /* keep */ } else if (e('s')) s = s.slice(0, -1);
    if (e('eed')) { if (s.length > 4) s = s.slice(0, -1); } else {
      var sufs = ['ing', 'ed'];
      for (var i = 0; i < 2; i++) {
        if (e(sufs[i])) {
          var base = s.slice(0, -sufs[i].length);
          if (base.length >= 3 && /[aeiouy]/.test(base)) {
            s = base;
            var l = s[s.length - 1];
            if (l === s[s.length - 2] && 'aeiouylsz'.indexOf(l) < 0) s = s.slice(0, -1);
          }
          break;
        }
      }
    }
    if (s.length >= 4 && e('e')) s = s.slice(0, -1);
    return s;
  }

  function wordTerm(w) {
    var n = Array.from(w).length;
    if (n < 2 || n > MAX_TERM || EN_STOP.has(w)) return null;
    return stem(w);
  }

  function termKey(t) {
    var a = Array.from(t);
    return a.length && isCjk(a[0]) ? a[0] : a.slice(0, 2).join('');
  }
  function bucketOf(key, buckets) {
    var h = 0x811c9dc5;
    for (var c of key) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
    return h % Math.max(1, buckets);
  }
  function cmpStr(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }

  // An index of one language at `base` (URL ending in "/"); `fetchFn` defaults to fetch.
  function Index(base, fetchFn) {
    this.base = base;
    this.fetch = fetchFn || root.fetch.bind(root);
    this.cache = new Map();
    this.meta = null;
  }
  Index.prototype.get = function (path, kind) {
    var self = this;
    if (!this.cache.has(path)) {
      var url = this.base + path + (path === 'meta.json' ? '' : '?v=' + this.meta.hash);
      var p = this.fetch(url, path === 'meta.json' ? { cache: 'no-cache' } : {}).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status + ' ' + url);
        return kind === 'bin' ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
      });
      p.catch(function () { self.cache.delete(path); });
      this.cache.set(path, p);
    }
    return this.cache.get(path);
  };
  Index.prototype.load = function () {
    var self = this;
    return this.meta ? Promise.resolve(this.meta) : this.get('meta.json').then(function (m) {
      if (m.version !== VERSION) throw new Error('search index version ' + m.version);
      self.meta = m;
      return m;
    });
  };

  // Turn a query into groups of [term, weight] and rank documents: see src/search/query.rs.
  Index.prototype.search = function (query) {
    var self = this;
    return this.load().then(function (meta) {
      var norm = normalize(query), rs = runs(norm), chars = Array.from(norm);
      var open = chars.length > 0 && isAlnum(chars[chars.length - 1]);
      var need = new Set();
      rs.forEach(function (r, i) {
        if (r.cjk) { for (var c of r.s) need.add(bucketOf(c, meta.buckets)); return; }
        var t = wordTerm(r.s);
        if (t) need.add(bucketOf(termKey(t), meta.buckets));
        if (i === rs.length - 1 && open && Array.from(r.s).length >= 3) need.add(bucketOf(termKey(r.s), meta.buckets));
      });
      return Promise.all(Array.from(need).sort(function (a, b) { return a - b; }).map(function (b) {
        return self.get('v/' + b + '.json');
      })).then(function (lists) {
        var vocab = new Map();
        lists.forEach(function (l) { l.forEach(function (e) { vocab.set(e[0], e); }); });
        var prefixed = function (p, skip, k) {
          var v = [];
          vocab.forEach(function (e, t) { if (t.indexOf(p) === 0 && t !== skip) v.push(e); });
          v.sort(function (a, b) { return (b[1] - a[1]) || cmpStr(a[0], b[0]); });
          return v.slice(0, k).map(function (e) { return e[0]; });
        };
        var groups = [];
        rs.forEach(function (r, ri) {
          if (!r.cjk) {
            var t = wordTerm(r.s), g = [];
            if (t && vocab.has(t)) g.push([t, 1]);
            if (ri === rs.length - 1 && open && Array.from(r.s).length >= 3) {
              prefixed(r.s, t || '', 5).forEach(function (p) { g.push([p, 0.5]); });
            }
            if (t || g.length) groups.push(g);
            return;
          }
          var cs = Array.from(r.s), n = cs.length, best = new Array(n + 1);
          best[n] = [0, 0, 0];
          for (var i = n - 1; i >= 0; i--) {
            var b = [best[i + 1][0] + 1, best[i + 1][1], i + 1];
            for (var j = Math.min(i + MAX_TERM, n); j >= i + 2; j--) {
              if (vocab.has(cs.slice(i, j).join(''))) {
                var c = [best[j][0], best[j][1] + 1, j];
                if (c[0] < b[0] || (c[0] === b[0] && c[1] < b[1])) b = c;
              }
            }
            best[i] = b;
          }
          var found = false;
          for (var k = 0; k < n; k = best[k][2]) {
            if (best[k][2] >= k + 2) { groups.push([[cs.slice(k, best[k][2]).join(''), 1]]); found = true; }
          }
          if (!found && n <= 3) {
            var pg = prefixed(r.s, '', 3).map(function (p) { return [p, 0.5]; });
            if (pg.length) groups.push(pg);
          }
        });
        var packs = new Set();
        groups.forEach(function (g) { g.forEach(function (tw) { if (vocab.has(tw[0])) packs.add(vocab.get(tw[0])[2]); }); });
        var packList = Array.from(packs).sort(function (a, b) { return a - b; });
        return Promise.all(packList.map(function (p) { return self.get('p/' + p + '.bin', 'bin'); })).then(function (bins) {
          var packBytes = new Map();
          packList.forEach(function (p, i) { packBytes.set(p, bins[i]); });
          var total = groups.length, nd = meta.docs, sc = new Float64Array(nd * total), touched = new Uint8Array(nd);
          groups.forEach(function (g, gi) {
            g.forEach(function (tw) {
              var e = vocab.get(tw[0]);
              if (!e) return;
              var pack = packBytes.get(e[2]), end = Math.min(e[3] + e[4], pack.length);
              var df = e[1], idf = Math.log(1 + (nd - df + 0.5) / (df + 0.5));
              var i = Math.min(e[3], end), doc = 0, first = true;
              while (i < end) {
                var v = 0, shift = 1, x;
                do { x = pack[i++]; v += (x & 0x7f) * shift; shift *= 128; } while (x & 0x80 && i < end);
                doc = first ? v : doc + v;
                first = false;
                var s = idf * (i < end ? pack[i] : 0) * tw[1];
                i++;
                if (doc >= nd) continue;
                touched[doc] = 1;
                if (s > sc[doc * total + gi]) sc[doc * total + gi] = s;
              }
            });
          });
          var hits = [];
          for (var id = 0; id < nd; id++) {
            if (!touched[id]) continue;
            var matched = 0, sum = 0;
            for (var k = 0; k < total; k++) { var s = sc[id * total + k]; if (s > 0) matched++; sum += s; }
            var c = matched / total;
            hits.push({ id: id, score: sum * c * c });
          }
          hits.sort(function (a, b) { return (b.score - a.score) || (a.id - b.id); });
          return { groups: groups, hits: hits };
        });
      });
    });
  };
  Index.prototype.records = function (hits) {
    var self = this;
    return Promise.all(hits.map(function (h) { return self.get('d/' + h.id + '.json'); }));
  };

  // Ranges [start, end) of `text` (UTF-16 indices) matching the query's terms.
  function hitRanges(text, groups) {
    var terms = new Set(), out = [];
    groups.forEach(function (g) { g.forEach(function (tw) { terms.add(tw[0]); }); });
    terms.forEach(function (t) {
      if (!isCjk(Array.from(t)[0] || 'a')) return;
      for (var i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + t.length)) out.push([i, i + t.length]);
    });
    var start = -1, i = 0;
    for (var c of text + ' ') {
      if (isWordChar(c)) { if (start < 0) start = i; } else if (start >= 0) {
        var w = normalize(text.slice(start, i)), t = wordTerm(w);
        if (t && terms.has(t)) out.push([start, i]);
        start = -1;
      }
      i += c.length;
    }
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }

  // Snippet of `text` around the densest hits: [{text, mark}] with ellipses.
  function snippet(text, groups, width) {
    width = width || WINDOW;
    var rs = hitRanges(text, groups), from = 0, bestN = 0, hit = 0;
    rs.forEach(function (r) {
      var s = Math.max(0, r[0] - 20), n = rs.filter(function (x) { return x[0] >= s && x[1] <= s + width; }).length;
      if (n > bestN) { bestN = n; from = s; hit = r[0]; }
    });
    var to = Math.min(text.length, from + width);
    if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from])) from++;
    if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to])) to++;
    // Never cut a word (of a language with spaces) in two: "…ghu began" → "… began".
    var inWord = function (i) { return i > 0 && i < text.length && isWordChar(text[i - 1]) && isWordChar(text[i]); };
    if (inWord(from)) { var f = from; while (f < hit && !/\s/.test(text[f])) f++; if (f < hit) from = f; }
    if (inWord(to)) { var t = to; while (t > from + (width >> 1) && !/\s/.test(text[t - 1])) t--; if (t > from + (width >> 1)) to = t; }
    while (from < to && from > 0 && /\s/.test(text[from])) from++;
    while (to > from && to < text.length && /\s/.test(text[to - 1])) to--;
    return segments(text, rs, from, to);
  }
  function segments(text, rs, from, to) {
    var out = [], pos = from;
    if (from > 0) out.push({ text: '…', mark: false });
    rs.forEach(function (r) {
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      if (a >= b || a < pos) return;
      if (a > pos) out.push({ text: text.slice(pos, a), mark: false });
      out.push({ text: text.slice(a, b), mark: true });
      pos = b;
    });
    if (pos < to) out.push({ text: text.slice(pos, to), mark: false });
    if (to < text.length) out.push({ text: '…', mark: false });
    return out;
  }

  // ---- Page behaviour ------------------------------------------------------------------
  function fill(doc, el, segs) {
    segs.forEach(function (s) {
      if (s.mark) { var m = doc.createElement('mark'); m.textContent = s.text; el.appendChild(m); } else el.appendChild(doc.createTextNode(s.text));
    });
  }
  function msg(box, key, n) { return (box.getAttribute('data-msg-' + key) || key).replace('{n}', String(n)); }

  function init(doc) {
    var box = doc.getElementById('civic-search');
    if (!box) return null;
    var form = box.querySelector('form'), input = box.querySelector('input[type=search]');
    var status = box.querySelector('[role=status]'), list = box.querySelector('ol'), more = box.querySelector('button.search-more');
    var index = new Index(box.getAttribute('data-index'));
    var seq = 0, timer = null, state = null;
    box.classList.add('search-ready');
    form.hidden = false; // hidden in the HTML: without this script the form could do nothing

    function render(st, from) {
      var recs = st.recs, frag = doc.createDocumentFragment(), firstLink = null;
      for (var i = from; i < recs.length; i++) {
        var r = recs[i], li = doc.createElement('li'), h = doc.createElement('h2'), a = doc.createElement('a');
        a.href = r.u;
        fill(doc, a, segments(r.t, hitRanges(r.t, st.groups), 0, r.t.length));
        h.appendChild(a);
        li.appendChild(h);
        var meta = doc.createElement('p');
        meta.className = 'search-result-meta';
        meta.textContent = [r.s, r.d].filter(Boolean).join(' · ');
        li.appendChild(meta);
        var p = doc.createElement('p');
        p.className = 'search-result-snippet';
        fill(doc, p, snippet(r.x || '', st.groups));
        li.appendChild(p);
        frag.appendChild(li);
        if (!firstLink) firstLink = a;
      }
      list.appendChild(frag);
      if (more) more.hidden = recs.length >= st.hits.length;
      return firstLink;
    }

    function run(q, push) {
      var my = ++seq;
      q = q.trim();
      if (push && root.history && root.history.replaceState) {
        root.history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : root.location.pathname);
      }
      if (!q) { list.textContent = ''; status.textContent = ''; if (more) more.hidden = true; return Promise.resolve(); }
      status.textContent = msg(box, 'searching');
      return index.search(q).then(function (res) {
        return index.records(res.hits.slice(0, PAGE)).then(function (recs) {
          if (my !== seq) return;
          state = { groups: res.groups, hits: res.hits, recs: recs };
          list.textContent = '';
          render(state, 0);
          status.textContent = res.hits.length ? msg(box, 'results', res.hits.length) : msg(box, 'none', 0);
        });
      }).catch(function () { if (my === seq) status.textContent = msg(box, 'error'); });
    }

    // Typing waits for a short pause; a word chosen in an IME or a pasted text is complete and
    // runs at once (a late answer to an older query is dropped by `seq`).
    function later(ms) {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, true); }, ms);
    }
    input.addEventListener('input', function (e) {
      if (e.isComposing) return;
      later(e.inputType === 'insertFromPaste' || e.inputType === 'insertReplacementText' ? 0 : DEBOUNCE);
    });
    input.addEventListener('compositionend', function () { later(0); });
    input.addEventListener('keydown', function (e) {
      var a = list.querySelector('a');
      if (e.key === 'ArrowDown' && a) { e.preventDefault(); a.focus(); }
    });
    list.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      var links = Array.prototype.slice.call(list.querySelectorAll('a')), i = links.indexOf(doc.activeElement);
      if (i < 0) return;
      e.preventDefault();
      if (e.key === 'ArrowDown' && i + 1 < links.length) links[i + 1].focus();
      else if (e.key === 'ArrowUp') (i > 0 ? links[i - 1] : input).focus();
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(input.value, true); });
    if (more) {
      more.addEventListener('click', function () {
        if (!state) return;
        var st = state, my = seq, from = st.recs.length;
        index.records(st.hits.slice(from, from + PAGE)).then(function (recs) {
          if (my !== seq || st !== state) return;
          st.recs = st.recs.concat(recs);
          var first = render(st, from);
          if (first) first.focus();
        }).catch(function () { status.textContent = msg(box, 'error'); });
      });
    }
    // Fetch the index's meta file now, so that the first query starts with its vocabulary.
    index.load().catch(function () {}); // a failure is retried by the first query
    var q0 = new URLSearchParams(root.location.search).get('q');
    if (q0) { input.value = q0; run(q0, false); }
    return { run: run };
  }

  var api = { normalize: normalize, runs: runs, stem: stem, wordTerm: wordTerm, termKey: termKey, bucketOf: bucketOf,
    Index: Index, hitRanges: hitRanges, snippet: snippet, init: init };
  root.CivicSearch = api;
  if (root.document) {
    if (root.document.readyState === 'loading') root.document.addEventListener('DOMContentLoaded', function () { init(root.document); });
    else init(root.document);
  }
})(typeof window !== 'undefined' ? window : globalThis);
