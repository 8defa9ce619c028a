/** Lighthouse (mobile and desktop presets) on a page of a built site, with the system Chromium. */
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
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

export async function runLighthouse(dist: string, path: string): Promise<LighthouseFigures[]> {
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
    for (const preset of ['mobile', 'desktop'] as const) {
      const result = await lighthouse(
        server.url + urls.at(path),
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
        preset === 'desktop' ? desktopConfig : undefined,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned no report for ${path} (${preset})`);
      const audit = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
      figures.push({
        preset,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
      });
    }
    return figures;
  } finally {
    chrome.kill();
    await server.close();
  }
}
