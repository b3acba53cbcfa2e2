import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReport, SECTIONS } from './_fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const OUT = resolve(import.meta.dirname, '../../out');
const DEMO_REPORT = join(OUT, 'report.html');
const hasDemoReport = existsSync(DEMO_REPORT);
/** The three pictures every report carries. */
const VIEWS = ['heat-grid', 'funnel', 'bar-chart'] as const;

if (!hasChromium)
  console.warn(`[report] skipped: ${CHROMIUM} not found (install Debian's chromium package to run the browser test)`);
if (hasChromium && !hasDemoReport)
  console.warn(`[report] demo report not checked: ${DEMO_REPORT} is absent (run npm run demo first)`);

let context: BrowserContext | undefined;
let profile: string | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  profile = mkdtempSync(join(tmpdir(), 'shijian-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1100, height: 900 },
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

interface PageCheck {
  readonly headings: readonly string[];
  readonly views: readonly string[];
  readonly errors: readonly string[];
  readonly requests: readonly string[];
}

/** Opens a report file, checks every heading and picture is visible, and records errors and network requests. */
async function openReport(file: string, screenshot: string): Promise<PageCheck> {
  if (!context) throw new Error('browser not started');
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const headings = page.locator('section > h2');
    const n = await headings.count();
    for (let i = 0; i < n; i++) await expect(headings.nth(i).isVisible()).resolves.toBe(true);
    const svgs = page.locator('figure > svg[data-view]');
    const views: string[] = [];
    for (let i = 0; i < (await svgs.count()); i++) {
      const svg = svgs.nth(i);
      expect(await svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      expect(box?.height ?? 0).toBeGreaterThan(100);
      views.push((await svg.getAttribute('data-view')) ?? '');
    }
    expect(await page.locator('script').count()).toBe(0);
    await page.screenshot({ path: screenshot, fullPage: true });
    return { headings: await headings.allTextContents(), views, errors, requests };
  } finally {
    await page.close();
  }
}

describe('HTML report in headless Chromium', () => {
  it.skipIf(!hasChromium)(
    'renders the fixture report with every section and picture, no error and no network request',
    async () => {
      mkdirSync(OUT, { recursive: true });
      const file = join(OUT, 'report-test.html');
      const html = fixtureReport();
      expect(html).toContain('&lt;不代表实际&gt;');
      writeFileSync(file, html);
      const page = await openReport(file, join(OUT, 'report.png'));
      expect(page.headings).toEqual(SECTIONS.map((s) => s.heading));
      expect(page.views).toEqual([...VIEWS]);
      expect(page.errors).toEqual([]);
      expect(page.requests).toEqual([]);
    },
  );

  it.skipIf(!hasChromium || !hasDemoReport)(
    "renders the demo's out/report.html with its sections and the three pictures, no error and no network request",
    async () => {
      const page = await openReport(DEMO_REPORT, join(OUT, 'report-demo.png'));
      expect(page.headings.length).toBeGreaterThanOrEqual(3);
      for (const v of VIEWS) expect(page.views).toContain(v);
      expect(page.errors).toEqual([]);
      expect(page.requests).toEqual([]);
    },
  );
});
