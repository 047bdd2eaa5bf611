/* Accessibility toolbar (templates/partials/a11y_toolbar.html): text size, high contrast, page zoom,
   read-aloud, simplified layout, large pointer and crosshair. Loaded in <head>, not deferred: the
   saved settings become classes on <html> before the body is parsed, so a page never paints in
   the wrong mode. Settings live in localStorage, shared by every page and both languages.
   Also shows the "print" button of the printable handbook. */
(function () {
  var KEY = "civic-a11y";
  var ZOOMS = [100, 125, 150, 175, 200];
  var DEFAULTS = { text: 0, contrast: "", zoom: 100, simple: false, cursor: false, cross: false, point: false, rate: 1 };
  var root = document.documentElement;
  var settings = load();

  function load() {
    var s = {};
    var k;
    for (k in DEFAULTS) s[k] = DEFAULTS[k];
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      for (k in DEFAULTS) if (typeof saved[k] === typeof DEFAULTS[k]) s[k] = saved[k];
      // Elder mode of earlier versions of the theme is the first text step.
      if (window.localStorage.getItem("civic-elder") === "1" && !window.localStorage.getItem(KEY)) s.text = 1;
    } catch (e) { /* storage blocked or damaged: defaults, for this page only */ }
    if ([0, 1, 2, 3].indexOf(s.text) < 0) s.text = 0;
    if (["", "bw", "yb"].indexOf(s.contrast) < 0) s.contrast = "";
    if (ZOOMS.indexOf(s.zoom) < 0) s.zoom = 100;
    if ([0.75, 1, 1.3].indexOf(s.rate) < 0) s.rate = 1;
    return s;
  }

  function save() {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(settings));
      window.localStorage.removeItem("civic-elder");
    } catch (e) { /* ignore: the setting lasts this page */ }
  }

  // The classes that CSS (a11y.css, civic.css) keys on. `elder` is any large-text step; `a11y-big`
  // is large text or zoom, where everything must still fit the width without scrolling sideways.
  function applyClasses() {
    var c = root.classList;
    c.add("js");
    c.toggle("elder", settings.text > 0);
    [1, 2, 3].forEach(function (n) { c.toggle("a11y-text-" + n, settings.text === n); });
    c.toggle("a11y-hc", settings.contrast !== "");
    c.toggle("a11y-hc-bw", settings.contrast === "bw");
    c.toggle("a11y-hc-yb", settings.contrast === "yb");
    ZOOMS.forEach(function (z) { c.toggle("a11y-zoom-" + z, z !== 100 && settings.zoom === z); });
    c.toggle("a11y-big", settings.text > 0 || settings.zoom > 100);
    c.toggle("a11y-simple", settings.simple);
    c.toggle("a11y-cursor", settings.cursor);
  }
  applyClasses();

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
    var bar = document.querySelector("details.a11y");
    if (!bar) return;
    var panel = bar.querySelector(".a11y-panel");
    var summary = bar.querySelector("summary");
    var status = bar.querySelector(".a11y-status");
    var reader = makeReader(panel, status);
    var guide = makeGuide();

    function sync(byUser) {
      applyClasses();
      bar.querySelectorAll("[data-set]").forEach(function (b) {
        var name = b.getAttribute("data-set");
        var value = b.getAttribute("data-value");
        var current = settings[name];
        var on = value === null ? current === true : String(current) === value;
        b.setAttribute("aria-pressed", on ? "true" : "false");
      });
      var zi = ZOOMS.indexOf(settings.zoom);
      bar.querySelector("[data-zoom-value]").textContent = settings.zoom + "%";
      bar.querySelector('[data-zoom="-1"]').setAttribute("aria-disabled", zi === 0 ? "true" : "false");
      bar.querySelector('[data-zoom="1"]').setAttribute("aria-disabled", zi === ZOOMS.length - 1 ? "true" : "false");
      guide.show(settings.cross);
      reader.point(settings.point, byUser);
      reader.rate(settings.rate);
    }

    bar.addEventListener("click", function (event) {
      var b = event.target.closest("button");
      if (!b) return;
      if (b.hasAttribute("data-set")) {
        var name = b.getAttribute("data-set");
        var value = b.getAttribute("data-value");
        if (value === null) settings[name] = !settings[name];
        else if (typeof DEFAULTS[name] === "number") settings[name] = Number(value);
        else settings[name] = value;
      } else if (b.hasAttribute("data-zoom")) {
        var i = ZOOMS.indexOf(settings.zoom) + Number(b.getAttribute("data-zoom"));
        if (i < 0 || i >= ZOOMS.length) return;
        settings.zoom = ZOOMS[i];
        status.textContent = settings.zoom + "%";
      } else if (b.hasAttribute("data-reset")) {
        reader.stop();
        for (var k in DEFAULTS) settings[k] = DEFAULTS[k];
      } else if (b.hasAttribute("data-close")) {
        close();
        return;
      } else if (b.getAttribute("data-read") === "page") {
        reader.readPage();
        return;
      } else if (b.getAttribute("data-read") === "pause") {
        b.setAttribute("aria-pressed", reader.pause() ? "true" : "false");
        return;
      } else if (b.getAttribute("data-read") === "stop") {
        reader.stop();
        return;
      } else {
        return;
      }
      save();
      sync(true);
    });

    function close() {
      bar.open = false;
      summary.focus();
    }
    bar.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && bar.open) {
        event.preventDefault();
        close();
      }
    });
    // The skip link opens the toolbar as well as moving focus to it.
    document.querySelectorAll('a[href="#a11y-open"]').forEach(function (a) {
      a.addEventListener("click", function (event) {
        event.preventDefault();
        bar.open = true;
        summary.focus();
      });
    });
    sync();
  });

  // Crosshair guide: two lines that follow the pointer. Created by script, moved with transforms
  // (CSSOM, which the style-src CSP allows; style attributes in markup it would not).
  function makeGuide() {
    var lines = null;
    function move(event) {
      lines[0].style.transform = "translateY(" + event.clientY + "px)";
      lines[1].style.transform = "translateX(" + event.clientX + "px)";
    }
    return {
      show: function (on) {
        if (on && !lines) {
          lines = ["a11y-guide-x", "a11y-guide-y"].map(function (name) {
            var d = document.createElement("div");
            d.className = "a11y-guide " + name;
            d.setAttribute("aria-hidden", "true");
            document.body.appendChild(d);
            return d;
          });
          document.addEventListener("pointermove", move);
        } else if (!on && lines) {
          lines.forEach(function (d) { d.remove(); });
          lines = null;
          document.removeEventListener("pointermove", move);
        }
      }
    };
  }

  // Read-aloud with the Web Speech API. Text is cut into runs of one language (the nearest `lang`
  // attribute), one run per block element (heading, paragraph, list item, cell, caption...), plus
  // the alt text of images; each run is one utterance, spoken after the previous one ends, and its
  // block is highlighted meanwhile.
  function makeReader(panel, status) {
    var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,caption,figcaption,blockquote,pre,summary,label,legend,.article-meta,.card-meta";
    var POINTABLE = "a,button," + BLOCKS;
    var SKIP = "nav,script,style,template,noscript,[hidden],[aria-hidden=true],.a11y,.skip-link,.a11y-guide";
    var synth = window.speechSynthesis;
    var queue = [];
    var position = 0;
    var current = null;
    var paused = false;
    var rate = 1;
    var pointOn = false;
    var pointTimer = 0;
    var lastPointed = null;
    var marked = null;
    var msg = function (name) { return panel.getAttribute("data-" + name) || ""; };
    var say = function (text) { status.textContent = text; };

    function visible(el) { return el.getClientRects().length > 0; }

    // Runs of text in reading order under `scope`; `skipNav` leaves navigation out.
    function runs(scope, skipNav) {
      var out = [];
      var walker = document.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          if (node.nodeType === 1) {
            if (node.matches(SKIP) && (skipNav || !node.matches("nav"))) return NodeFilter.FILTER_REJECT;
            if (!visible(node)) return NodeFilter.FILTER_REJECT;
          }
          return NodeFilter.FILTER_ACCEPT;
        }
      });
      var node;
      while ((node = walker.nextNode())) {
        var text;
        var owner;
        if (node.nodeType === 1) {
          if (node.tagName !== "IMG" || !node.alt.trim()) continue;
          text = node.alt.trim();
          owner = node;
        } else {
          text = node.nodeValue.replace(/\s+/g, " ");
          if (!text.trim()) continue;
          owner = node.parentElement.closest(BLOCKS) || node.parentElement;
          if (!scope.contains(owner)) owner = scope;
        }
        var el = node.nodeType === 1 ? node : node.parentElement;
        var langEl = el.closest("[lang]");
        var lang = langEl ? langEl.getAttribute("lang") : root.lang;
        var last = out[out.length - 1];
        if (last && last.owner === owner && last.lang === lang && node.nodeType === 3) last.text += text;
        else out.push({ owner: owner, lang: lang, text: text });
      }
      var sentences = [];
      out.forEach(function (r) {
        r.text = r.text.trim();
        if (!r.text) return;
        // Long blocks are spoken sentence by sentence: some engines stop in the middle of long utterances.
        var parts = r.text.length > 160 ? r.text.match(/[^。！？；!?;]+[。！？；!?;]*\s*/g) || [r.text] : [r.text];
        parts.forEach(function (p) { if (p.trim()) sentences.push({ owner: r.owner, lang: r.lang, text: p.trim() }); });
      });
      return sentences;
    }

    function voiceFor(lang, voices) {
      var want = lang.toLowerCase().replace("_", "-");
      var base = want.split("-")[0];
      var exact = null;
      var near = null;
      voices.forEach(function (v) {
        var have = v.lang.toLowerCase().replace("_", "-");
        if (have === want && !exact) exact = v;
        if (have.split("-")[0] === base && !near) near = v;
      });
      return exact || near;
    }

    function langName(lang) { return msg(lang.indexOf("zh") === 0 ? "lang-zh" : "lang-en") || lang; }

    // Voices load asynchronously in some browsers: wait for them once, at most a second.
    function withVoices(then) {
      var voices = synth.getVoices();
      if (voices.length) return then(voices);
      var done = false;
      var finish = function () {
        if (done) return;
        done = true;
        then(synth.getVoices());
      };
      synth.addEventListener("voiceschanged", finish, { once: true });
      setTimeout(finish, 1000);
    }

    function mark(el) {
      if (marked) marked.classList.remove("a11y-reading");
      marked = el;
      if (el) el.classList.add("a11y-reading");
    }

    function speakNext() {
      if (position >= queue.length) {
        stop(true);
        say(msg("done"));
        return;
      }
      var item = queue[position];
      var u = new window.SpeechSynthesisUtterance(item.text);
      u.lang = item.lang;
      u.rate = rate;
      if (item.voice) u.voice = item.voice;
      var next = function () {
        if (current !== u) return;
        position += 1;
        speakNext();
      };
      u.onend = next;
      u.onerror = next;
      current = u;
      mark(item.owner);
      synth.speak(u);
    }

    function start(list) {
      stop(true);
      if (!synth || !window.SpeechSynthesisUtterance) {
        say(msg("no-speech"));
        return;
      }
      withVoices(function (voices) {
        var missing = [];
        list.forEach(function (item) {
          item.voice = voiceFor(item.lang, voices);
          if (!item.voice && missing.indexOf(item.lang) < 0) missing.push(item.lang);
        });
        if (missing.length) say(missing.map(function (l) { return msg("no-voice").replace("{lang}", langName(l)); }).join(" "));
        // Runs in a language without a voice are left out rather than read by a voice that cannot say them.
        queue = list.filter(function (item) { return item.voice; });
        position = 0;
        if (!queue.length) return;
        if (!missing.length) say(msg("reading"));
        speakNext();
      });
    }

    function stop(quiet) {
      current = null;
      queue = [];
      paused = false;
      var pause = panel.querySelector('[data-read="pause"]');
      if (pause) pause.setAttribute("aria-pressed", "false");
      if (synth) synth.cancel();
      mark(null);
      if (!quiet) say(msg("stopped"));
    }

    function pointAt(event) {
      var target = event.target;
      if (!(target instanceof Element) || target.closest(".a11y-panel")) return;
      var owner = target.closest("img") || target.closest(POINTABLE);
      if (!owner || owner === lastPointed) return;
      clearTimeout(pointTimer);
      pointTimer = setTimeout(function () {
        lastPointed = owner;
        var list = owner.tagName === "IMG" ? (owner.alt.trim() ? [{ owner: owner, lang: (owner.closest("[lang]") || root).getAttribute("lang") || "", text: owner.alt.trim() }] : []) : runs(owner, false);
        if (list.length) start(list);
      }, event.type === "focusin" ? 0 : 300);
    }

    return {
      readPage: function () {
        var main = document.querySelector("main") || document.body;
        var list = runs(main, true);
        // The title first, even where a photo or a poster comes before it in the markup.
        var h1 = main.querySelector("h1");
        var isTitle = function (item) { return h1 !== null && h1.contains(item.owner); };
        start(list.filter(isTitle).concat(list.filter(function (item) { return !isTitle(item); })));
      },
      pause: function () {
        if (!current || !synth) return false;
        paused = !paused;
        if (paused) synth.pause();
        else synth.resume();
        say(msg(paused ? "paused" : "reading"));
        return paused;
      },
      stop: function () { stop(false); },
      rate: function (r) { rate = r; },
      point: function (on, announce) {
        if (on === pointOn) return;
        pointOn = on;
        var method = on ? "addEventListener" : "removeEventListener";
        document[method]("pointerover", pointAt);
        document[method]("focusin", pointAt);
        lastPointed = null;
        if (announce) say(on ? msg("point-on") : "");
      }
    };
  }
})();
