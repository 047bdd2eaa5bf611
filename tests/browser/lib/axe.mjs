// axe-core helpers shared by the browser tests: the script to inject (context.addInitScript(AXE)),
// one run with the project's rule set, and a readable summary of violations.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.1 A/AA plus the (off by default) target-size rule; resolves to the violations.
 * `aaa: true` adds `color-contrast-enhanced` (7:1, WCAG 1.4.6), as the high-contrast modes promise.
 */
export async function runAxe(page, { aaa = false } = {}) {
  const result = await page.evaluate((aaa) => {
    const rules = { 'target-size': { enabled: true } };
    if (aaa) rules['color-contrast-enhanced'] = { enabled: true };
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    return window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
  }, aaa);
  return result.violations;
}

export function describe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`).join('\n'))
    .join('\n  ');
}
