// The accessibility check the browser tests share: an axe-core scan (WCAG 2.1
// A/AA and best practice) of the page as it is now, in the light and the dark
// theme, failing on any serious or critical violation, with a screenshot of
// each theme saved as test-results/screenshots/a11y-<name>-<theme>.png.
//
// The theme setting must be 'system' (the default): emulating the colour
// scheme then switches it without changing the settings the tests share.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { screenshot } from './browser-mode';

export const themes = ['light', 'dark'] as const;

/** The serious and critical findings on the page as it is now, one line (and a few of its nodes) each. */
export async function axeProblems(page: Page): Promise<string[]> {
  // Legacy mode runs axe.run in the page itself; the default opens a blank page per scan to merge
  // frame results, which costs seconds and the app has no frames.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const targets = violation.nodes
        .slice(0, 4)
        .map((node) => `      ${node.target.join(' ')}  ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join('\n');
      return `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} node(s)\n${targets}`;
    });
}

/** Scans the page as it is now in both themes and saves a screenshot of each; fails (softly) on serious or critical findings. */
export async function scan(page: Page, name: string): Promise<void> {
  const problems: string[] = [];
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    // Let the theme's transitions (if any) settle before colours are measured.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await screenshot(page, `a11y-${name}-${theme}`);
    problems.push(...(await axeProblems(page)).map((problem) => `[${theme}] ${problem}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect.soft(problems, `axe found serious or critical problems on ${name}:\n${problems.join('\n')}`).toEqual([]);
}
