// The desk's script (served at /desk/desk.js): the preview refreshed while the editor types, and
// the body's toolbar. The desk works without it: saving refreshes the preview, and the toolbar
// stays hidden. Every word it shows comes from the page (the message catalogue), none from here.
// Nothing happens while an input method composes (compositionstart .. compositionend): the
// text is not final until the editor picks the characters.
(function () {
  'use strict';
  var form = document.querySelector('form[action="/desk/save"]');
  var body = document.getElementById('body');
  if (!form || !body) return;
  var PAUSE = 250;
  var composing = false;
  var timer = 0;
  var sent = 0;
  var pending = null;

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, PAUSE);
  }

  function refresh() {
    if (composing) return;
    var mine = ++sent;
    if (pending) pending.abort();
    pending = new AbortController();
    var started = performance.now();
    fetch('/desk/draft', {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
      signal: pending.signal,
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (answer && mine === sent) show(answer, mine, performance.now() - started);
      })
      .catch(function () { /* a newer refresh replaced this one, or the desk stopped */ });
  }

  function show(answer, mine, ms) {
    var findings = document.getElementById('draft-findings');
    if (findings) findings.innerHTML = answer.problems; // HTML escaped by the desk
    answer.pages.forEach(function (p) {
      var frame = document.querySelector('iframe[data-url="' + CSS.escape(p.url) + '"]');
      if (!frame) return;
      var y = 0;
      try { y = frame.contentWindow.scrollY; } catch (e) { y = 0; }
      frame.addEventListener('load', function () {
        try { frame.contentWindow.scrollTo(0, y); } catch (e) { /* nothing to keep */ }
      }, { once: true });
      frame.srcdoc = p.html;
    });
    var box = document.querySelector('.previews');
    if (box) {
      box.dataset.drafted = String(mine);
      box.dataset.draftState = answer.state;
      box.dataset.draftMs = ms.toFixed(1);
    }
  }

  form.addEventListener('input', function (e) {
    if (e.isComposing || composing) return;
    schedule();
  });
  form.addEventListener('change', schedule);
  form.addEventListener('compositionstart', function () {
    composing = true;
    clearTimeout(timer);
  });
  form.addEventListener('compositionend', function () {
    composing = false;
    schedule();
  });

  // The toolbar: each button changes the selected text of the body as typing would (undo works).
  function replace(from, to, text, selFrom, selTo) {
    body.focus();
    body.setSelectionRange(from, to);
    var done = false;
    try { done = document.execCommand('insertText', false, text); } catch (e) { done = false; }
    if (!done) {
      body.setRangeText(text, from, to, 'end');
      body.dispatchEvent(new Event('input', { bubbles: true }));
    }
    body.setSelectionRange(from + selFrom, from + selTo);
  }

  function wrap(before, after, pickFrom, pickTo) {
    var s = body.selectionStart, e = body.selectionEnd;
    var chosen = body.value.slice(s, e);
    var text = before + chosen + after;
    var from = pickFrom === undefined ? before.length : before.length + chosen.length + pickFrom;
    var to = pickTo === undefined ? before.length + chosen.length : before.length + chosen.length + pickTo;
    replace(s, e, text, from, to);
  }

  function lines(prefix) {
    var v = body.value;
    var s = v.lastIndexOf('\n', body.selectionStart - 1) + 1;
    var e = v.indexOf('\n', Math.max(body.selectionEnd - (body.selectionEnd > s ? 1 : 0), s));
    if (e < 0) e = v.length;
    var text = v.slice(s, e).split('\n').map(function (line) {
      return line.indexOf(prefix) === 0 ? line : prefix + line;
    }).join('\n');
    replace(s, e, text, text.length, text.length);
  }

  var actions = {
    bold: function () { wrap('**', '**'); },
    link: function () { wrap('[', '](https://)', 2, 10); },
    list: function () { lines('- '); },
    heading: function () { lines('## '); },
    image: function () { wrap('![', ']()', 2, 2); },
    page: function () { openPicker(); },
  };

  var bar = document.getElementById('body-toolbar');
  if (bar) {
    bar.hidden = false;
    var buttons = Array.prototype.slice.call(bar.querySelectorAll('button'));
    bar.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-action]');
      if (!b || composing) return;
      actions[b.dataset.action]();
    });
    // One stop in the tab order; the arrow keys move between the buttons (ARIA toolbar).
    bar.addEventListener('keydown', function (e) {
      var i = buttons.indexOf(document.activeElement);
      if (i < 0) return;
      var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      next = (next + buttons.length) % buttons.length;
      buttons.forEach(function (b, j) { b.tabIndex = j === next ? 0 : -1; });
      buttons[next].focus();
    });
  }

  body.addEventListener('keydown', function (e) {
    if (e.isComposing || composing || e.keyCode === 229 || !(e.ctrlKey || e.metaKey)) return;
    var key = e.key.toLowerCase();
    if (key === 'b' || key === 'k') {
      e.preventDefault();
      actions[key === 'b' ? 'bold' : 'link']();
    }
  });

  // Link to another page of the site, picked from the list of its pages.
  var picker = document.getElementById('page-picker');
  var query = document.getElementById('picker-q');
  var list = document.getElementById('picker-list');
  var pages = null;
  var range = [0, 0];

  function fill() {
    var words = query.value.trim().toLowerCase();
    list.textContent = '';
    (pages || []).filter(function (p) {
      return !words || p.title.toLowerCase().indexOf(words) >= 0 || p.file.toLowerCase().indexOf(words) >= 0;
    }).slice(0, 200).forEach(function (p) {
      var o = document.createElement('option');
      o.value = p.link;
      o.textContent = p.title + ' — ' + p.file;
      o.dataset.title = p.title;
      list.appendChild(o);
    });
    if (list.options.length) list.selectedIndex = 0;
  }

  function openPicker() {
    if (!picker) return;
    range = [body.selectionStart, body.selectionEnd];
    var ready = pages ? Promise.resolve() : fetch('/desk/pages.json', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (all) { pages = all; });
    ready.then(function () {
      query.value = '';
      fill();
      picker.showModal();
      query.focus();
    }).catch(function () { /* the list could not be read: the dialog stays closed */ });
  }

  function insertPicked() {
    var o = list.options[list.selectedIndex];
    picker.close();
    if (!o) return;
    var chosen = body.value.slice(range[0], range[1]) || o.dataset.title;
    var text = '[' + chosen + '](' + o.value + ')';
    replace(range[0], range[1], text, text.length, text.length);
  }

  if (picker) {
    query.addEventListener('input', fill);
    query.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.isComposing) { e.preventDefault(); insertPicked(); }
      if (e.key === 'ArrowDown') { e.preventDefault(); list.focus(); }
    });
    list.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); insertPicked(); }
    });
    list.addEventListener('dblclick', insertPicked);
    document.getElementById('picker-insert').addEventListener('click', insertPicked);
    document.getElementById('picker-cancel').addEventListener('click', function () {
      picker.close();
      body.focus();
    });
  }

  // Photos and attachments: picked or dropped, sent with both alternative texts.
  var panel = document.getElementById('upload');
  if (panel) {
    panel.hidden = false;
    var input = document.getElementById('upload-file');
    var drop = document.getElementById('drop');
    var said = document.getElementById('upload-status');
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.dataTransfer && e.dataTransfer.files.length) input.files = e.dataTransfer.files;
    });
    document.getElementById('upload-go').addEventListener('click', function () {
      var picked = input.files && input.files[0];
      if (!picked) { input.focus(); return; }
      var at = [body.selectionStart, body.selectionEnd];
      var q = new URLSearchParams({
        file: form.elements.file.value,
        name: picked.name,
        alt_zh: document.getElementById('alt-zh').value,
        alt_en: document.getElementById('alt-en').value,
        base: form.elements.base_sha.value,
      });
      fetch('/desk/upload?' + q, {
        method: 'POST',
        body: picked,
        credentials: 'same-origin',
        headers: { 'X-Civic-Csrf': form.elements.csrf.value },
      })
        .then(function (r) { return r.json().then(function (answer) { return { ok: r.ok, answer: answer }; }); })
        .then(function (got) {
          said.textContent = got.answer.message || '';
          said.className = got.ok ? 'ok' : 'error';
          if (!got.ok) return;
          var a = got.answer;
          if (a.sha) form.elements.base_sha.value = a.sha;
          (a.fields || []).forEach(function (kv) {
            var field = form.elements['field.' + kv[0]];
            if (field) field.value = kv[1];
          });
          if (a.markdown) {
            replace(at[0], at[1], a.markdown, a.markdown.length, a.markdown.length);
          } else {
            document.querySelectorAll('.previews iframe').forEach(function (f) {
              f.removeAttribute('srcdoc');
              f.src = f.dataset.url;
            });
            schedule();
          }
          input.value = '';
        })
        .catch(function () { said.className = 'error'; });
    });
  }
})();
