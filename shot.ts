import { launchChromium } from './scripts/lib/chromium.ts';
import { serveStatic } from './scripts/lib/static-server.ts';
const server = await serveStatic('/tmp/look/dist');
const browser = await launchChromium();
const jobs: [string, string, string][] = JSON.parse(process.argv[2]!);
for (const [path, selector, name] of jobs) {
  for (const reveal of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 }, colorScheme: name.includes('dark') ? 'dark' : 'light' });
    await context.addInitScript(() => localStorage.setItem('test-me', '1'));
    const page = await context.newPage();
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const el = page.locator(selector).first();
    await el.scrollIntoViewIfNeeded();
    if (reveal) for (const b of await el.locator('button.reveal').all()) await b.click();
    await el.screenshot({ path: `/tmp/shots2/${name}${reveal ? '-revealed' : ''}.png` });
    await context.close();
  }
}
await browser.close(); await server.close();
