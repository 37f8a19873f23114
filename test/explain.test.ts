/** `envoy explain`: the text view, and the HTML view checked in a real headless Chromium. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { emptyDoc, type Doc } from '../src/doc.ts';
import { runPipeline } from '../src/pipeline.ts';
import { explainText } from '../src/explain/text.ts';
import { explainHtml } from '../src/explain/html.ts';

const root = path.resolve(import.meta.dirname, '..');
const SEEDS = ['000_8adeb89ad61cd016', '003_ee4086bdbad132e3'];
const docs = new Map<string, Doc>(
  SEEDS.map((id) => [id, runPipeline(emptyDoc(readFileSync(path.join(root, 'seeds', `${id}.txt`), 'utf8'), { value: null, origin: 'none' }))]),
);

describe('explain, text view', () => {
  const text = explainText(docs.get('003_ee4086bdbad132e3')!);

  it('lists each sentence with what each stage found and the rule behind it', () => {
    expect(text).toMatch(/^reference date: 2025-07 \(text, from "/);
    expect(text).toContain('[3] Mr. Lam, who ranks highest');
    expect(text).toMatch(/date {6}"Aug\. 10" → 2025-08-10 \(DATE\) {2}\[[^\]]+\]/);
    expect(text).toMatch(/entity {4}"Mr\. Lam" → To Lam \(person, VNM/);
    expect(text).toMatch(/figure {4}"\$86\.7 billion" → 86700000000 USD, exact/);
  });

  it('shows which trigger fired on which span and the visit it went into', () => {
    expect(text).toMatch(/fired {5}trigger 'arriving in' \(arrive\): To Lam → KOR, when 2025-08-10, planned → v1/);
  });

  it('shows near misses: a trigger that matched but lacked an argument', () => {
    expect(text).toMatch(/near miss trigger 'trip' \(visit-noun\) has no visitor/);
  });

  it('filters to one rule with --rule', () => {
    const only = explainText(docs.get('003_ee4086bdbad132e3')!, 'arrive');
    expect(only).toContain("trigger 'arriving in' (arrive)");
    expect(only).not.toContain('visit-noun');
    expect(explainText(docs.get('003_ee4086bdbad132e3')!, 'no-such-rule')).toContain("rule 'no-such-rule' did not fire in this article");
  });
});

const CHROMIUM = '/usr/bin/chromium';
const artifacts = path.join(root, 'test-artifacts');

describe.skipIf(!existsSync(CHROMIUM))('explain, HTML view in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => browser?.close());

  for (const id of SEEDS) {
    it(`shows ${id} with highlights, visit cards, and the rule of what is hovered`, async () => {
      const doc = docs.get(id)!;
      const file = path.join(artifacts, `${id}.html`);
      writeFileSync(file, explainHtml(doc, { id, source: `seeds/${id}.txt` }));
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(`file://${file}`);

      // The article is all there, character for character.
      expect(await page.locator('#article').textContent()).toBe(doc.text);
      // One card per visit, each naming visitor, route, status and rule.
      const cards = page.locator('.card');
      expect(await cards.count()).toBe(doc.events.length);
      for (const [i, e] of doc.events.entries()) {
        const card = await cards.nth(i).innerText();
        expect(card).toContain(e.visitors[0].name);
        expect(card).toContain(`→ ${e.destination.country}`);
        expect(card).toContain(e.status);
        expect(card).toContain(e.rule);
      }
      // Distinct highlights for entities, dates, figures and visit evidence.
      for (const cls of ['.ent-person', '.ent-country', '.date', '.figure', '.ev']) expect(await page.locator(cls).count(), cls).toBeGreaterThan(0);
      const colours = await page.evaluate(() =>
        ['.ent-person', '.ent-country', '.date', '.figure'].map((c) => getComputedStyle(document.querySelector(c)!).backgroundColor),
      );
      expect(new Set(colours).size).toBe(4);

      // Hovering a date shows its rule and resolved value.
      const date = doc.dates.find((d) => /^\d{4}/.test(d.value))!;
      await page.locator('.hl.date', { hasText: date.text }).first().hover();
      const info = await page.locator('#info').innerText();
      expect(info).toContain(date.value);
      expect(info).toContain(date.rule);

      // Clicking a card marks its evidence in the text.
      await cards.first().click();
      expect(await page.locator('#article .hl.focus').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(artifacts, `${id}.png`) });
      expect(requests, 'the page fetches nothing from the network').toEqual([]);
      await page.close();
    });
  }
});
