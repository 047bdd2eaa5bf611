// The role-model gallery filters by category and by year: with JavaScript in place (and the URL
// follows), without JavaScript through one pre-built page per filter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage } from './lib/harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const visibleTitles = (page) =>
  page.$$eval('.gallery .card', (cards) =>
    cards.filter((c) => !c.hidden && c.offsetParent !== null).map((c) => c.querySelector('.card-title').textContent.trim()).sort());

for (const base of ['/role-models/', '/en/role-models/']) {
  test(`without JavaScript, filter links lead to filter pages (${base})`, async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(h.url(base));
    const all = (await visibleTitles(page)).length;
    const links = await page.$$eval('.filters a[data-filter=category], .filters a[data-filter=year]', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= 5, 'category and year filters');
    for (const href of links) {
      await page.goto(h.url(base));
      await Promise.all([page.waitForNavigation(), page.click(`.filters a[href="${href}"]`)]);
      assert.equal(new URL(page.url()).pathname, new URL(href, page.url()).pathname);
      const titles = await visibleTitles(page);
      assert.ok(titles.length > 0 && titles.length < all, `${href}: ${titles.length} of ${all}`);
      assert.equal(await page.getAttribute(`.filters a[href="${href}"]`, 'aria-current'), 'page');
      const count = await page.$eval(`.filters a[href="${href}"] .count`, (e) => Number(e.textContent));
      assert.equal(titles.length, count, `${href}: the count on the link matches`);
    }
    await context.close();
  });

  test(`with JavaScript, filters work in place, the URL follows, results match the filter pages (${base})`, async () => {
    const context = await h.browser.newContext();
    const { page, problems } = await watchedPage(context);
    const plain = await (await h.browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(h.url(base));
    const all = await visibleTitles(page);
    const links = await page.$$eval('.filters a[data-filter=category], .filters a[data-filter=year]', (as) => as.map((a) => a.getAttribute('href')));
    await page.evaluate(() => { window.__sameDocument = true; });
    for (const href of links) {
      await page.click(`.filters a[href="${href}"]`);
      assert.equal(new URL(page.url()).pathname, href, 'URL updated with replaceState');
      assert.equal(await page.getAttribute(`.filters a[href="${href}"]`, 'aria-current'), 'page');
      assert.equal(await page.locator('.filters a[aria-current=page]').count(), 1);
      const shown = await visibleTitles(page);
      await plain.goto(h.url(href));
      assert.deepEqual(shown, await visibleTitles(plain), `${href}: same cards as the no-JS page`);
      assert.match(await page.textContent('#gallery-status'), new RegExp(String(shown.length)));
    }
    await page.click('.filters a[data-filter=all]');
    assert.deepEqual(await visibleTitles(page), all);
    assert.equal(new URL(page.url()).pathname, base);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page loads: filtering happened in place');
    // A reload lands on the real filter page.
    await page.click('.filters a[data-filter=year]');
    const url = page.url();
    await page.reload();
    assert.equal(page.url(), url);
    assert.equal(await page.locator('.filters a[aria-current=page]').getAttribute('href'), new URL(url).pathname);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
