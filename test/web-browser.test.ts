import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/web/server.js';
import { buildFixture, HOSTILE_IMG, HOSTILE_LINK, HOSTILE_SCRIPT, HOSTILE_TITLE, type Fixture } from './web-fixtures.test.js';

const CHROMIUM = '/usr/bin/chromium';

/** The little of the page's DOM the in-page checks read (the tests compile without the DOM library). */
interface Browserish {
  readonly document: {
    querySelectorAll(selector: string): ArrayLike<{ readonly textContent: string | null }>;
    readonly activeElement: { readonly dataset: Readonly<Record<string, string | undefined>> } | null;
    readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
  };
  readonly __pwned?: unknown;
}
const pwned = (): unknown => (globalThis as unknown as Browserish).__pwned;
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const available = existsSync(CHROMIUM);
if (!available) console.log(`# web browser tests skipped: ${CHROMIUM} is missing (install chromium to run them)`);

let fixture: Fixture;
let server: RunningServer;
let browser: Browser;

describe('web app in headless Chromium', { skip: available ? false : `${CHROMIUM} is missing` }, () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    fixture = await buildFixture();
    server = await startServer({ library: fixture.library, host: '127.0.0.1', port: 0, logError: (error) => console.error(error) });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await fixture?.close();
  });

  async function open(path: string, width = 1280, height = 900): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  test('search → article → speaker → cluster', async () => {
    const { page, errors } = await open('/#/search');
    await page.locator('#f-q').fill('rail link');
    await page.locator('.hit mark.term').first().waitFor();
    assert.match((await page.locator('#search-status').textContent()) ?? '', /statements/u);
    assert.ok((await page.locator('mark.term').count()) > 0, 'query words are marked in snippets');
    assert.match(page.url(), /#\/search\?q=rail\+link/u, 'the query is kept in the address');
    await page.screenshot({ path: `${ARTIFACTS}search.png`, fullPage: true });

    // Facets narrow the results.
    await page.locator('#f-speaker').fill('Ilves');
    await page.waitForFunction((name) => {
      const heads = Array.from((globalThis as unknown as Browserish).document.querySelectorAll('.hit .hit-head'));
      return heads.length > 0 && heads.every((head) => head.textContent?.includes(name) === true);
    }, 'Ilves');
    await page.locator('#f-speaker').fill('');
    await page.waitForFunction((name) => Array.from((globalThis as unknown as Browserish).document.querySelectorAll('.hit .hit-head')).some((head) => head.textContent?.includes(name) === true), 'Kovalenko');

    // The first Kovalenko result opens the article reader.
    await page.locator('.hit', { hasText: 'Kovalenko' }).first().locator('.hit-quote a').click();
    await page.waitForURL(/#\/article\//u);
    await page.locator('.article-text mark').first().waitFor();
    const marks = await page.locator('.article-text mark').count();
    assert.ok(marks > 0, 'statements are highlighted');
    const selected = await page.locator('.article-text mark.selected').count();
    assert.ok(selected > 0, 'the statement from the search result is selected');
    assert.ok((await page.locator('.details svg.chain').count()) === 1, 'the relay chain graph is drawn');
    const chainText = (await page.locator('.details svg.chain').textContent()) ?? '';
    assert.match(chainText, /Kovalenko/u);
    // Keyboard: Tab into a mark shows the popover with speaker, stance and chain.
    await page.locator('.article-text [tabindex="0"]').first().focus();
    await page.locator('.popover:not([hidden])').waitFor();
    assert.match((await page.locator('.popover').textContent()) ?? '', /chain:/u);
    await page.screenshot({ path: `${ARTIFACTS}article.png`, fullPage: true });
    // The side list focuses its statement in the text.
    const items = page.locator('.statement-item');
    assert.ok((await items.count()) >= 2);
    await items.nth(1).click();
    assert.equal(await items.nth(1).getAttribute('aria-current'), 'true');
    const focusedStatement = await page.evaluate(() => (globalThis as unknown as Browserish).document.activeElement?.dataset['statement'] ?? null);
    assert.ok(focusedStatement !== null, 'the statement in the text has the focus');

    // Speaker page from the details panel of one of his statements.
    await page.locator('.statement-item', { hasText: 'Kovalenko' }).first().click();
    await page.locator('.details a[href^="#/speaker/"]').first().click();
    await page.waitForURL(/#\/speaker\//u);
    await page.locator('svg.timeline .dot').first().waitFor();
    assert.match((await page.locator('h1').textContent()) ?? '', /Kovalenko/u);
    assert.ok((await page.locator('svg.timeline .dot').count()) >= 5, 'one dot per statement');
    assert.match((await page.locator('.aliases').textContent()) ?? '', /Kovalenko/u, 'aliases are listed');
    assert.ok((await page.locator('.relays li').count()) > 0, 'who relays this speaker');
    await page.screenshot({ path: `${ARTIFACTS}speaker.png`, fullPage: true });

    // Cluster page from the statement list.
    await page.locator('.timeline-list a[href^="#/cluster/"]').first().click();
    await page.waitForURL(/#\/cluster\//u);
    await page.locator('.report').first().waitFor();
    assert.ok((await page.locator('.report').count()) >= 2);
    assert.match((await page.locator('.earliest').textContent()) ?? '', /Earliest source/u);
    assert.ok((await page.locator('.drift ins, .drift del').count()) > 0, 'the word diff is styled');
    await page.screenshot({ path: `${ARTIFACTS}cluster.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('analyze a pasted article shows the reader at once', async () => {
    const { page, errors } = await open('/#/analyze');
    const text = 'Transport Minister Pavel Kovalenko said on Monday that "the tunnel will open in 2027," according to the Linden Herald.\n\nOpposition leader Marta Ilves denied that the budget was "under control".';
    await page.locator('#analyze-text').fill(text);
    await page.locator('button[type="submit"]').click();
    await page.locator('.analyze-output .article-text mark').first().waitFor();
    assert.equal(await page.locator('.analyze-output .article-text').textContent(), text, 'the text is shown exactly, slices joined');
    assert.ok((await page.locator('.analyze-output .statement-item').count()) >= 1, 'the statement list is shown');
    assert.match((await page.locator('.status').textContent()) ?? '', /statements?/u);
    await page.screenshot({ path: `${ARTIFACTS}analyze.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('phone width: the reader stacks and nothing overflows sideways', async () => {
    const { page } = await open('/#/clusters', 390, 844);
    await page.locator('.hit a').first().waitFor();
    const first = await page.locator('.hit a').first().getAttribute('href');
    assert.match(first ?? '', /^#\/cluster\//u);
    await page.goto(`${server.url}/#/article/1`);
    await page.locator('.article-text mark').first().waitFor();
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as Browserish).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert.ok(overflow <= 1, `no horizontal scroll (overflow ${overflow}px)`);
    await page.screenshot({ path: `${ARTIFACTS}article-phone.png`, fullPage: true });
    await page.goto(`${server.url}/#/search?q=audit`);
    await page.locator('.hit mark.term').first().waitFor();
    assert.equal(await page.locator('#f-q').inputValue(), 'audit', 'the query comes back from the address');
    const searchOverflow = await page.evaluate(() => {
      const root = (globalThis as unknown as Browserish).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert.ok(searchOverflow <= 1, `search: no horizontal scroll (overflow ${searchOverflow}px)`);
    await page.screenshot({ path: `${ARTIFACTS}search-phone.png` });
    await page.close();
  });

  test('hostile article text and title stay text: no script runs, the literal text is visible', async () => {
    const { page, errors } = await open(`/#/article/${fixture.hostileId}`);
    await page.locator('.article-text').waitFor();
    await page.locator('.statement-item').first().waitFor();
    assert.equal(await page.evaluate(pwned), undefined);
    assert.equal(await page.locator('h1').textContent(), HOSTILE_TITLE);
    const body = (await page.locator('main').textContent()) ?? '';
    for (const literal of [HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_LINK]) assert.ok(body.includes(literal), `shows ${literal}`);
    assert.equal(await page.locator('main script, main img, main a[href^="javascript"]').count(), 0, 'no element was created from the text');
    // Hover and select every statement too: popovers and details render names and quotes as text.
    for (const item of await page.locator('.statement-item').all()) await item.click();
    await page.locator('.article-text mark').first().hover();
    await page.screenshot({ path: `${ARTIFACTS}hostile.png`, fullPage: true });
    // Search results and the analyze view render the same text safely.
    await page.goto(`${server.url}/#/search?q=budget`);
    await page.locator('.hit').first().waitFor();
    await page.goto(`${server.url}/#/analyze`);
    await page.locator('#analyze-text').fill(`The clerk said "${HOSTILE_SCRIPT} ${HOSTILE_IMG} is fine."`);
    await page.locator('button[type="submit"]').click();
    await page.locator('.analyze-output .article-text').waitFor();
    assert.ok(((await page.locator('.analyze-output').textContent()) ?? '').includes(HOSTILE_IMG));
    assert.equal(await page.evaluate(pwned), undefined);
    assert.equal(await page.locator('main img').count(), 0);
    assert.deepEqual(errors.filter((error) => !/favicon/u.test(error)), []);
    await page.close();
  });
});
