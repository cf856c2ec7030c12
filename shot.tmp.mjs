// usage: node /tmp/shot.mjs URLPATH out.png [fullPage]
import { chromium } from '@playwright/test';
const [, , path, out, full] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto('http://localhost:4173/');
await page.waitForTimeout(1500);
if (path !== '/') { await page.goto('http://localhost:4173' + path); await page.waitForTimeout(1200); }
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close();
