// Helpers of the accessibility-toolbar tests: saved settings, and a recorder in place of the
// browser's speech synthesis (headless Chromium has no voices, and a test must hear what is said).
export const KEY = 'civic-a11y';

/** Every page of the context starts with these toolbar settings (as if chosen on an earlier page). */
export async function presetSettings(context, settings) {
  await context.addInitScript(([key, value]) => {
    if (!window.sessionStorage.getItem('a11y-preset')) {
      window.localStorage.setItem(key, value);
      window.sessionStorage.setItem('a11y-preset', '1');
    }
  }, [KEY, JSON.stringify(settings)]);
}

/**
 * Replaces speechSynthesis with a recorder, before the page's scripts run. `voices` is a list of
 * [lang, name]. Utterances are queued like the real thing, but one ends only when the test calls
 * `window.__speech.end()`; `window.__speech.log` holds what was spoken (with the lang, rate,
 * voice and the text of the highlighted element at that moment) and the pause/resume/cancel calls.
 */
export async function installSpeechRecorder(context, voices) {
  await context.addInitScript((voices) => {
    const log = [];
    const queue = [];
    let current = null;
    const fire = (u, type, extra) => {
      const handler = u['on' + type];
      if (handler) handler.call(u, Object.assign({ type, utterance: u }, extra));
    };
    const startNext = () => {
      current = queue.shift() || null;
      if (!current) return;
      const mark = document.querySelector('.a11y-reading');
      log.push({
        text: current.text, lang: current.lang, rate: current.rate, voice: current.voice ? current.voice.name : null,
        highlighted: mark ? (mark.tagName === 'IMG' ? mark.alt : mark.textContent) : null,
        inNav: mark ? !!mark.closest('nav') : null,
      });
    };
    const synth = {
      get speaking() { return !!current; },
      paused: false,
      getVoices: () => voices.map(([lang, name]) => ({ lang, name, voiceURI: name, default: false, localService: true })),
      speak(u) { queue.push(u); if (!current) startNext(); },
      cancel() {
        log.push('cancel');
        const dropped = current ? [current, ...queue] : [...queue];
        queue.length = 0;
        current = null;
        dropped.forEach((u) => fire(u, 'error', { error: 'canceled' }));
      },
      pause() { log.push('pause'); this.paused = true; },
      resume() { log.push('resume'); this.paused = false; },
      addEventListener() {},
      removeEventListener() {},
    };
    class Utterance {
      constructor(text) { this.text = text; this.lang = ''; this.rate = 1; this.voice = null; }
    }
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    window.__speech = {
      log,
      get current() { return current ? current.text : null; },
      end() {
        const u = current;
        if (!u) return false;
        current = null;
        fire(u, 'end');
        if (!current) startNext();
        return true;
      },
    };
  }, voices);
}

/** Lets the recorder finish every utterance in turn; returns the spoken entries. */
export async function speakAll(page, limit = 2000) {
  return page.evaluate((limit) => {
    let n = 0;
    while (window.__speech.end() && n < limit) n += 1;
    return window.__speech.log.filter((e) => typeof e === 'object');
  }, limit);
}
