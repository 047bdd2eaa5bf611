// The printable handbook holds every chapter; its print stylesheet hides navigation and starts
// each chapter on a new page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

for (const [index, print] of [['/handbook/', '/handbook/print/'], ['/en/handbook/', '/en/handbook/print/']]) {
  test(`the print page holds every chapter (${print})`, async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await page.goto(h.url(index));
    const chapterUrls = await page.$$eval('.handbook-toc a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(chapterUrls.length >= 10, `${chapterUrls.length} chapters`);
    const titles = [];
    for (const url of chapterUrls) {
      await page.goto(h.url(url));
      titles.push((await page.textContent('main h1')).trim());
      // Each chapter page also has previous/next links (but the first has no previous, the last no next).
      const i = titles.length - 1;
      assert.equal(await page.locator('.prev-next a[rel=prev]').count(), i === 0 ? 0 : 1, `${url} previous`);
      assert.equal(await page.locator('.prev-next a[rel=next]').count(), i === chapterUrls.length - 1 ? 0 : 1, `${url} next`);
    }
    await page.goto(h.url(index));
    await Promise.all([page.waitForNavigation(), page.click(`a[href="${print}"]`)]);
    const printed = (await page.$$eval('.print-chapter > h2', (hs) => hs.map((x) => x.textContent.trim())));
    assert.deepEqual(printed, titles, 'every chapter heading, in order');
    const bodies = await page.$$eval('.print-chapter .prose', (ps) => ps.map((p) => p.textContent.trim().length));
    assert.ok(bodies.every((n) => n > 100), 'every chapter has its text');

    await page.emulateMedia({ media: 'print' });
    const printed_ = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.site-header')).display,
      footer: getComputedStyle(document.querySelector('.site-footer')).display,
      breaks: [...document.querySelectorAll('.print-chapter')].map((c) => getComputedStyle(c).breakBefore),
    }));
    assert.equal(printed_.header, 'none', 'no navigation in print');
    assert.equal(printed_.footer, 'none');
    assert.ok(printed_.breaks.every((b) => b === 'page'), 'a page break before every chapter');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000, 'prints to PDF');
    await context.close();
  });
}
