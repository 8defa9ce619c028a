/**
 * Lighthouse on a page of a built site, with the system Chromium: the mobile preset several times
 * (its score varies from run to run on a busy machine; each run is reported), then desktop once.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { findChromium } from './chromium.ts';
import { urls } from '../../src/lib/site/urls.ts';
import { serveStatic } from './static-server.ts';

export interface LighthouseFigures {
  preset: 'mobile' | 'desktop';
  performance: number;
  accessibility: number;
  /** The accessibility audits that failed in this run (their ids), so a score under 100 says why. */
  accessibilityFailures: string[];
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Main-thread time spent on style and layout (Lighthouse's "Style & Layout"), under its CPU throttling. */
  styleLayoutMs: number;
  domNodes: number;
}

interface BreakdownItem {
  group?: string;
  duration?: number;
}

export async function runLighthouse(dist: string, path: string, mobileRuns = 5): Promise<LighthouseFigures[]> {
  const server = await serveStatic(dist);
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const figures: LighthouseFigures[] = [];
    const presets = [...Array.from({ length: mobileRuns }, () => 'mobile' as const), 'desktop' as const];
    for (const preset of presets) {
      const result = await lighthouse(
        server.url + urls.file(path),
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
        preset === 'desktop' ? desktopConfig : undefined,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned no report for ${path} (${preset})`);
      const audit = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
      const failed = (lhr.categories.accessibility?.auditRefs ?? []).filter((ref) => (lhr.audits[ref.id]?.score ?? 1) < 1);
      const breakdown = (lhr.audits['mainthread-work-breakdown']?.details as { items?: BreakdownItem[] } | undefined)?.items ?? [];
      figures.push({
        preset,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        accessibilityFailures: failed.map((ref) => ref.id),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        styleLayoutMs: breakdown.find((item) => item.group === 'styleLayout')?.duration ?? 0,
        domNodes: audit('dom-size'),
      });
    }
    return figures;
  } finally {
    chrome.kill();
    await server.close();
  }
}
