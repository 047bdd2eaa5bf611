// The editor's desk in a real browser, in Chinese: every screen axe-clean and valid HTML, and an
// editor who types Chinese through an input method (composition events) into a field, saves, and
// sees the real preview change; the file on disk is what a hand-written one would be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from 'playwright-core';
import { REPO, CHROMIUM } from './lib/harness.mjs';
import { AXE, runAxe, describe } from './lib/axe.mjs';

const require = createRequire(import.meta.url);
const BIN = process.env.CIVIC_BIN || path.join(REPO, 'target/debug/civic');
let site, desk, base, browser;

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-desk-'));
  for (const item of ['site.yaml', 'content', 'themes', 'data', 'static']) {
    const from = path.join(REPO, item);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(site, item), { recursive: true });
  }
  desk = spawn(BIN, ['desk', '--quiet', '--port', '0', '--date', '2026-11-25', '--root', site], {
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise((resolve, reject) => {
    readline.createInterface({ input: desk.stdout }).once('line', resolve);
    desk.once('exit', (code) => reject(new Error(`civic desk exited with ${code}`)));
  });
  base = first.trim().replace(/\/desk\/$/, '');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  desk?.kill();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

const FILE = 'content/role-models/li-mei.md';
const editUrl = () => `${base}/desk/edit?file=${encodeURIComponent(FILE)}`;

test('every desk screen is axe-clean, in Chinese', async () => {
  const context = await browser.newContext();
  await context.addInitScript(AXE);
  const page = await context.newPage();
  for (const url of [`${base}/desk/`, editUrl(), `${base}/desk/publish`]) {
    const res = await page.goto(url);
    assert.equal(res.status(), 200, url);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const violations = await runAxe(page);
    assert.deepEqual(violations, [], `${url}:\n  ${describe(violations)}`);
  }
  assert.match(await page.locator('h2').first().innerText(), /发布/);
  await context.close();
});

test('the desk pages are valid HTML (vnu)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-desk-html-'));
  for (const [name, url] of [['list.html', `${base}/desk/`], ['edit.html', editUrl()], ['publish.html', `${base}/desk/publish`]]) {
    const res = await fetch(url);
    fs.writeFileSync(path.join(dir, name), await res.text());
  }
  const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
  let out = '';
  try {
    execFileSync('java', ['-jar', jar, '--errors-only', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = `${e.stdout || ''}${e.stderr || ''}`;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(out.trim(), '', out);
});

test('Chinese typed through an input method is saved and the preview shows it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const original = fs.readFileSync(path.join(site, FILE), 'utf8');
  await page.goto(editUrl());
  const title = page.locator('#f-title');
  await title.fill('');
  await title.focus();
  // An IME composes pinyin first, then commits the characters: composition events, not keys.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'limei', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.insertText', { text: '李梅：夜校三十年' });
  assert.equal(await title.inputValue(), '李梅：夜校三十年');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '保存' }).click()]);
  assert.match(await page.locator('p.ok[role=status]').innerText(), /已保存/);
  const text = fs.readFileSync(path.join(site, FILE), 'utf8');
  // Only the title's line changed; every other byte of the file is kept.
  assert.equal(text, original.replace(/^title: .*$/m, 'title: 李梅：夜校三十年'));
  const frame = page.frameLocator('iframe[src="/role-models/li-mei/"]');
  await frame.locator('body').waitFor();
  const shown = await page.frame({ url: /\/role-models\/li-mei\/$/ }).evaluate(() => document.title);
  assert.match(shown, /李梅：夜校三十年/, 'the preview is the rebuilt page');
  await context.close();
});

const TYPED = 'content/role-models/he-haibo.md';
const typedUrl = () => `${base}/desk/edit?file=${encodeURIComponent(TYPED)}`;

// The Chinese preview's document, whether the frame shows the saved page or a draft (srcdoc).
async function previewText(page, url) {
  return page.locator(`iframe[data-url="${url}"]`).evaluate((f) => f.contentDocument?.body?.innerText || '');
}

test('the preview follows the typing (both twins) a pause after the last key, and nothing is saved', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const original = fs.readFileSync(path.join(site, TYPED), 'utf8');
  await page.goto(typedUrl());
  const body = page.locator('#body');
  await body.focus();
  await page.keyboard.press('Control+End');
  // Pinyin composed first, then committed: nothing is sent while composing.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'yeshu', selectionStart: 5, selectionEnd: 5 });
  await page.waitForTimeout(600);
  assert.equal(await page.locator('.previews').getAttribute('data-drafted'), null, 'no refresh during composition');
  await cdp.send('Input.insertText', { text: '夜里巡河的人' });
  await page.keyboard.type('，还没有保存。');
  const typedAt = Date.now();
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe[data-url="/role-models/he-haibo/"]');
    return f && f.contentDocument && f.contentDocument.body && f.contentDocument.body.innerText.includes('夜里巡河的人，还没有保存。');
  }, null, { timeout: 5000 });
  const shown = Date.now() - typedAt;
  const serverMs = Number(await page.locator('.previews').getAttribute('data-draft-ms'));
  console.log(`preview refresh: ${shown} ms after the last key (250 ms pause + ${serverMs} ms round trip)`);
  assert.ok(shown < 250 + 300 + 500, `shown ${shown} ms after the last key`);
  // The English twin inherits from the Chinese page, so it is rendered again too.
  await page.waitForFunction(() => document.querySelector('iframe[data-url="/en/role-models/he-haibo/"]')?.contentDocument?.title);
  assert.match(await previewText(page, '/role-models/he-haibo/'), /夜里巡河的人/);
  assert.equal(fs.readFileSync(path.join(site, TYPED), 'utf8'), original, 'the file is not written');
  // A broken link shows its finding beside the preview, in the build's words.
  await page.keyboard.type('见[别处](../nowhere.md)。');
  await page.locator('#draft-findings .problem').waitFor({ timeout: 5000 });
  assert.match(await page.locator('#draft-findings').innerText(), /nowhere\.md/);
  await context.close();
});

test('the body toolbar types Markdown, by mouse and keyboard, never during composition', async () => {
  const context = await browser.newContext();
  await context.addInitScript(AXE);
  const page = await context.newPage();
  await page.goto(typedUrl());
  const body = page.locator('#body');
  const toolbar = page.getByRole('toolbar', { name: '正文格式' });
  await toolbar.waitFor();
  await body.fill('夜校');
  await body.evaluate((t) => t.setSelectionRange(0, 2));
  await toolbar.getByRole('button', { name: '加粗' }).click();
  assert.equal(await body.inputValue(), '**夜校**');
  // Keyboard only: one tab stop, arrows along the buttons, Enter presses.
  await body.fill('第一行\n第二行');
  await body.evaluate((t) => t.setSelectionRange(0, 7));
  await toolbar.getByRole('button', { name: '加粗' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '列表');
  await page.keyboard.press('Enter');
  assert.equal(await body.inputValue(), '- 第一行\n- 第二行');
  // Ctrl+B while an input method composes is the input method's, not the toolbar's.
  await body.fill('好人');
  await body.evaluate((t) => { t.setSelectionRange(0, 2); t.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true })); });
  await body.focus();
  await page.keyboard.press('Control+b');
  assert.equal(await body.inputValue(), '好人', 'nothing happens during composition');
  await body.evaluate((t) => { t.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '' })); t.setSelectionRange(0, 2); });
  await page.keyboard.press('Control+b');
  assert.equal(await body.inputValue(), '**好人**');
  // A link to another page, picked from the site's pages.
  await body.fill('');
  await toolbar.getByRole('button', { name: '链接到本站页面' }).click();
  const dialog = page.getByRole('dialog', { name: '链接到本站页面' });
  await dialog.waitFor();
  await page.keyboard.type('role-models/li-mei.md');
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], `the page picker:\n  ${describe(violations)}`);
  await page.keyboard.press('Enter');
  assert.match(await body.inputValue(), /^\[[^\]]*李梅[^\]]*\]\(@\/role-models\/li-mei\.md\)$/);
  assert.equal(await dialog.isVisible(), false);
  await context.close();
});

test('an editor creates a role model, drops a photo with both alternative texts, saves, and makes the English twin', { timeout: 600000 }, async () => {
  const context = await browser.newContext();
  await context.addInitScript(AXE);
  const page = await context.newPage();
  // A new page reloads the preview's site and a new photo rebuilds it: slow in a debug build.
  page.setDefaultTimeout(180000);
  await page.goto(`${base}/desk/`);
  await page.selectOption('#kind', 'role_model');
  await page.fill('#title', '测试模范');
  const file = 'content/role-models/ce-shi-mo-fan.md';
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '新建', exact: true }).click()]);
  assert.equal(new URL(page.url()).searchParams.get('file'), file);
  // A phone photo with an EXIF block: dropped onto the panel, the desk stores it clean.
  const jpeg = fs.readFileSync(path.join(REPO, 'content/role-models/li-mei.jpg'));
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x18]), Buffer.from('Exif\0\0MM\0*\0\0\0\x08\0\0CivicGPS', 'latin1')]);
  const phone = Buffer.concat([jpeg.subarray(0, 2), exif, jpeg.subarray(2)]);
  const dropped = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], '我的照片.JPG', { type: 'image/jpeg' }));
    return dt;
  }, [...phone]);
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: dropped });
  await page.getByRole('button', { name: '上传' }).click();
  await page.locator('#upload-status.error').waitFor();
  assert.match(await page.locator('#upload-status').innerText(), /中文和英文两种替代文字/);
  await page.getByLabel('中文替代文字（照片里是谁、在做什么）').fill('测试模范在社区服务');
  await page.getByLabel('英文替代文字').fill('The test role model serving the neighbourhood');
  await page.getByRole('button', { name: '上传' }).click();
  await page.locator('#upload-status.ok').waitFor();
  assert.match(await page.locator('#upload-status').innerText(), /wo-de-zhao-pian\.jpg/);
  const stored = fs.readFileSync(path.join(site, 'content/role-models/wo-de-zhao-pian.jpg'));
  assert.ok(!stored.includes('Exif') && !stored.includes('CivicGPS'), 'no EXIF in the stored photo');
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], `after the upload:\n  ${describe(violations)}`);
  // The editor goes on typing and saves: the photo lines stay, nothing is refused.
  await page.locator('#body').fill('\n测试模范多年来在社区义务服务。\n');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '保存' }).click()]);
  assert.match(await page.locator('p.ok[role=status]').innerText(), /已保存/);
  const text = fs.readFileSync(path.join(site, file), 'utf8');
  assert.match(text, /^photo: wo-de-zhao-pian\.jpg\nphoto_alt: 测试模范在社区服务\n/m);
  assert.match(text, /\n---\n\n测试模范多年来在社区义务服务。\n$/);
  await page.frameLocator('iframe[data-url="/role-models/ce-shi-mo-fan/"]').locator('img[alt="测试模范在社区服务"]').first().waitFor();
  // The English twin takes the English alternative text given with the photo.
  await page.fill('#twin-title', 'Test Role Model');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: /新建英文版/ }).click()]);
  const en = fs.readFileSync(path.join(site, 'content/role-models/ce-shi-mo-fan.en.md'), 'utf8');
  assert.match(en, /^photo_alt: The test role model serving the neighbourhood$/m);
  await context.close();
});
