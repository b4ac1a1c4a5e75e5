#!/usr/bin/env node
// Renders public/icons/icon.svg to the PNG sizes the web app manifest lists, with the same
// Chromium the tests use. Run by hand after changing the icon; the PNGs are committed.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from './chromium.mjs';

const dir = new URL('../public/icons/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', dir), 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions());
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: new URL(`icon-${size}.png`, dir).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
