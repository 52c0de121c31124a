// Browser tests of the claimtrail web UI: headless Chromium (Debian's package) driven by
// playwright-core, against a running `claimtrail serve` over the demo store.
//
// Run through run.sh, which builds the binary, makes the store, starts the server and sets:
//   CLAIMTRAIL_URL    the server's base URL (http://127.0.0.1:PORT)
//   CLAIMTRAIL_TOKEN  its --ingest-token
//   ARTIFACTS_DIR     where the full-page screenshots go
//   CHROMIUM          the browser binary (default /usr/bin/chromium)
//
// Every page fails its test on a console error, an uncaught page error or a dialog.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.CLAIMTRAIL_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const TOKEN = process.env.CLAIMTRAIL_TOKEN || '';
const ARTIFACTS = path.resolve(process.env.ARTIFACTS_DIR || 'artifacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 15_000;

/** The three payloads of the XSS test: each would set window.__xss if it ran as markup. */
const XSS = {
  script: '<script>window.__xss=1</script>',
  img: '<img src=x onerror="window.__xss=1">',
  link: '<a href="javascript:window.__xss=1">click</a>',
};

let context;
let userDataDir;
/** Pages opened by the current test, with what went wrong on them. */
let opened = [];

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimtrail-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
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
  });
  context.setDefaultTimeout(TIMEOUT);
});

after(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  console.log(`screenshots: ${ARTIFACTS}`);
});

afterEach(async () => {
  for (const rec of opened) {
    // A page whose test stopped before its screenshot (a failure): keep what it shows.
    if (rec.shot !== rec.page.url()) {
      const name = `failed-${rec.page.url().replace(/^https?:\/\/[^/]+/, '').replace(/[^A-Za-z0-9]+/g, '_')}.png`;
      await rec.page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true }).catch(() => {});
      console.log(`screenshot of the failed page: ${path.join(ARTIFACTS, name)}`);
    }
    await rec.page.close().catch(() => {});
  }
  opened = [];
});

/** A new page that records console errors, page errors and dialogs. */
async function newPage() {
  const page = await context.newPage();
  const rec = { page, errors: [], dialogs: [], shot: null };
  page.on('console', (msg) => {
    if (msg.type() === 'error') rec.errors.push(`console: ${msg.text()} (${msg.location().url || page.url()})`);
  });
  page.on('pageerror', (err) => rec.errors.push(`pageerror: ${err.message}`));
  page.on('dialog', async (d) => {
    rec.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  opened.push(rec);
  return rec;
}

/** Opens a UI route and waits for the first element of a test hook. */
async function open(route, testid) {
  const rec = await newPage();
  const resp = await rec.page.goto(BASE + route, { waitUntil: 'load' });
  assert.ok(resp && resp.ok(), `GET ${route}: HTTP ${resp && resp.status()}`);
  if (testid) await rec.page.locator(`[data-testid="${testid}"]`).first().waitFor({ state: 'visible' });
  return rec;
}

/** Saves a full-page screenshot and asserts the page had no error and no dialog. */
async function finish(rec, name) {
  // Let late fetches settle so their errors are counted too.
  await rec.page.waitForLoadState('networkidle').catch(() => {});
  const file = path.join(ARTIFACTS, `${name}.png`);
  await rec.page.screenshot({ path: file, fullPage: true });
  rec.shot = rec.page.url();
  assert.deepEqual(rec.errors, [], `errors on ${rec.page.url()}`);
  assert.deepEqual(rec.dialogs, [], `dialogs on ${rec.page.url()}`);
}

/** GET an API path, parsed JSON. */
async function api(p) {
  const r = await fetch(BASE + p);
  assert.equal(r.status, 200, `GET ${p}: HTTP ${r.status}`);
  return r.json();
}

function testid(id) {
  return `[data-testid="${id}"]`;
}

test('the board loads and lists contested claims first', async () => {
  const contested = (await api('/api/v1/claims?contested=true&limit=5')).items;
  assert.ok(contested.length > 0, 'the demo store has contested claims');
  const rec = await open('/', 'claim-row');
  const rows = rec.page.locator(testid('claim-row'));
  assert.ok((await rows.count()) > 0, 'board rows');
  // The board's first row is the API's first contested claim.
  const first = await rows.first().innerText();
  assert.ok(first.includes(contested[0].gist.slice(0, 20)), `first row ${JSON.stringify(first)} shows "${contested[0].gist}"`);
  await finish(rec, '01-board');
});

test('a click on a contested claim opens its page with both sides', async () => {
  const rec = await open('/', 'claim-row');
  const row = rec.page.locator(testid('claim-row')).first();
  const link = row.locator('a[href*="/claims/"]').first();
  await ((await link.count()) > 0 ? link : row).click();
  await rec.page.waitForURL(/\/claims\/\d+/);
  const id = Number(rec.page.url().match(/\/claims\/(\d+)/)[1]);
  const trail = await api(`/api/v1/claims/${id}`);
  assert.ok(trail.claim.contested, `claim ${id} is contested`);
  for (const side of ['side-asserts', 'side-denies']) {
    const box = rec.page.locator(testid(side));
    await box.waitFor({ state: 'visible' });
    const stmts = box.locator(testid('statement'));
    await stmts.first().waitFor({ state: 'visible' });
    assert.ok((await stmts.count()) > 0, `${side} has statements`);
  }
  // Each side shows a source the API puts there.
  const denier = trail.statements.find((s) => s.stance === 'denies');
  assert.ok(denier, 'the trail has a denying statement');
  const denies = await rec.page.locator(testid('side-denies')).innerText();
  assert.ok(denies.includes(denier.source), `deny side names ${denier.source}`);
  await finish(rec, '02-claim');
});

test('the source network renders', async () => {
  const rec = await open('/network', 'network');
  const svg = rec.page.locator(`svg${testid('network')}`);
  await svg.waitFor({ state: 'visible' });
  await svg.locator(testid('node')).first().waitFor({ state: 'attached' });
  const nodes = await svg.locator(testid('node')).count();
  assert.ok(nodes > 0, `network nodes: ${nodes}`);
  // The graph draws the API's edges (who cites whom) between the nodes it shows.
  const graph = await api('/api/v1/sources/graph');
  const edges = await svg.locator(testid('edge')).count();
  assert.ok(nodes <= graph.nodes.length, `${nodes} nodes drawn, ${graph.nodes.length} in the API`);
  if (graph.edges.length > 0) assert.ok(edges > 0, `no edge drawn of the API's ${graph.edges.length}`);
  await finish(rec, '03-network');
});

test('a search finds an article, which shows its attributions highlighted', async () => {
  // From the board, through the search box of the page's header.
  const rec = await open('/', 'claim-row');
  const box = rec.page.locator('header input[type="search"]');
  await box.fill('Soleimani');
  await box.press('Enter');
  await rec.page.waitForURL(/\/search\?q=Soleimani/);
  await rec.page.locator(testid('search-hit')).first().waitFor({ state: 'visible' });
  const hits = rec.page.locator(testid('search-hit'));
  assert.ok((await hits.count()) > 0, 'search hits');
  const link = hits.locator('a[href*="/articles/"]').first();
  const href = await link.getAttribute('href');
  assert.match(href, /\/articles\/\d+/);
  await finish(rec, '04-search');
  await link.click();
  await rec.page.waitForURL(/\/articles\/\d+/);
  await rec.page.locator(testid('article-text')).waitFor({ state: 'visible' });
  await rec.page.locator(`${testid('article-text')} ${testid('attr')}`).first().waitFor({ state: 'visible' });
  const attrs = await rec.page.locator(`${testid('article-text')} ${testid('attr')}`).count();
  assert.ok(attrs > 0, `highlighted attributions: ${attrs}`);
  assert.ok((await rec.page.locator(testid('article-text')).innerText()).includes('Soleimani'));
  await finish(rec, '05-article');
});

test("the entity page's timeline renders", async () => {
  const ents = (await api('/api/v1/entities?q=Lavrov&limit=5')).items;
  const ent = ents[0] ?? (await api('/api/v1/entities?kind=person&limit=1')).items[0];
  assert.ok(ent, 'an entity');
  const rec = await open(`/entities/${ent.id}`, 'timeline');
  const timeline = rec.page.locator(testid('timeline'));
  // One mark (a dot, or a bar for dense entities) per dated statement or group of them.
  const profile = await api(`/api/v1/entities/${ent.id}`);
  const statements = profile.said.length + profile.said_about.length;
  assert.ok(statements > 0, `${ent.name} has statements`);
  const marks = await timeline.locator('.tl-dot').count();
  assert.ok(marks > 0 && marks <= statements, `timeline marks: ${marks} for ${statements} statements`);
  const box = await timeline.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, 'timeline has a size');
  assert.ok((await rec.page.locator('body').innerText()).includes(ent.name), `page names ${ent.name}`);
  await finish(rec, '06-entity');
});

test('ingest needs the bearer token', async () => {
  const body = JSON.stringify({ id: 'e2e-unauthorized', text: 'Nobody said anything.' });
  const headers = { 'content-type': 'application/json' };
  for (const auth of [null, 'Bearer wrong-token', 'Bearer ', `Basic ${TOKEN}`, TOKEN]) {
    const h = auth === null ? headers : { ...headers, authorization: auth };
    const r = await fetch(`${BASE}/api/v1/articles`, { method: 'POST', headers: h, body });
    assert.equal(r.status, 401, `authorization ${JSON.stringify(auth)}: HTTP ${r.status}`);
    const err = await r.json();
    assert.equal(err.error.code, 'unauthorized');
  }
});

test('the server reads only its embedded assets, limits bodies and sends a CSP', async () => {
  const page = await fetch(`${BASE}/`);
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy') || '';
  assert.match(csp, /script-src 'self'/, `CSP: ${csp}`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `CSP: ${csp}`);
  for (const p of [
    '/assets/../Cargo.toml',
    '/assets/%2e%2e/Cargo.toml',
    '/assets/..%2fCargo.toml',
    '/assets/%2e%2e%2f%2e%2e%2fCargo.toml',
    '/assets/..%5c..%5cCargo.toml',
    '/assets//etc/passwd',
    '/assets/%2fetc%2fpasswd',
    '/assets/app.js%00.css',
    '/../../../../etc/passwd',
  ]) {
    const r = await fetch(BASE + p);
    const body = await r.text();
    assert.ok(!body.includes('[workspace]') && !body.includes('root:x:0:0'), `${p}: HTTP ${r.status} leaks a file`);
    if (p.startsWith('/assets/')) assert.equal(r.status, 404, `${p}: HTTP ${r.status}`);
  }
  const missing = await fetch(`${BASE}/api/v1/claims/999999999`);
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).error.code, 'not_found');
  // The server may answer 413 and close before it has read the whole body: a raw socket reads the
  // answer even when the rest of the upload fails.
  const big = JSON.stringify({ id: 'e2e-big', text: 'x'.repeat(9 << 20) });
  const status = await new Promise((resolve, reject) => {
    const { hostname, port } = new URL(BASE);
    const sock = net.connect(Number(port), hostname);
    let got = '';
    const done = () => {
      const m = got.match(/^HTTP\/1\.[01] (\d{3})/);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`no HTTP answer to a large body: ${JSON.stringify(got.slice(0, 200))}`));
    };
    sock.setTimeout(10_000, () => sock.destroy());
    sock.on('data', (d) => {
      got += d.toString('latin1');
      if (/\r\n\r\n/.test(got)) sock.destroy();
    });
    sock.on('error', () => {}); // EPIPE or a reset once the server has answered
    sock.on('close', done);
    sock.write(
      `POST /api/v1/articles HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
        `Authorization: Bearer ${TOKEN}\r\nContent-Length: ${Buffer.byteLength(big)}\r\nConnection: close\r\n\r\n`,
    );
    // The first 64 KiB, then the rest only if the server has not answered from the length alone
    // (a server that closes with unread data resets the connection, which can drop its answer).
    sock.write(big.slice(0, 64 << 10));
    setTimeout(() => {
      if (!got && !sock.destroyed) sock.write(big.slice(64 << 10));
    }, 2000);
  });
  assert.equal(status, 413, `a 9 MiB body: HTTP ${status}`);
});

test('article data is rendered as text, never as markup (XSS)', async () => {
  const word = 'Quorvantis';
  // A contested claim whose asserting quote carries the script and whose denying quote carries an
  // <img> (single-quoted inside the double quotes), and the exact payloads in the running text.
  const text =
    `Minister Anna Petrova said on Monday that "General Boris ${word} ${XSS.script} visited Moscow in July". ` +
    `The Kremlin denied that General Boris ${word} visited Moscow. ` +
    `"<img src=x onerror='window.__xss=1'> ${word} never travelled to Russia," a spokesman for the army told ` +
    `reporters. Petrova added that ${XSS.link} the report is public. ` +
    `The photo ${XSS.img} was taken in ${XSS.script} Moscow.`;
  const article = {
    id: 'e2e-xss',
    title: `${word} dam ${XSS.script} ${XSS.img} ${XSS.link}`,
    outlet: `Evil Outlet ${XSS.img}`,
    url: 'javascript:window.__xss=1',
    published: '2024-05-06',
    text,
  };
  const r = await fetch(`${BASE}/api/v1/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(article),
  });
  assert.ok(r.status === 201 || r.status === 200, `ingest: HTTP ${r.status}`);
  const stored = await r.json();
  const id = stored.article;
  assert.ok(Number.isInteger(id), `article id in ${JSON.stringify(stored)}`);

  const links = await api(`/api/v1/articles/${id}/links`);
  const claimIds = links.claims.map(([, c]) => c);
  assert.ok(claimIds.length > 0, 'the article produced claims');

  // [route, hook to wait for, screenshot, whether the page shows a quote or text with <script>]
  const pages = [
    [`/articles/${id}`, 'article-text', '07-xss-article', true],
    [`/search?q=${word}`, 'search-hit', '08-xss-search', true],
    [`/?q=${word}`, 'claim-row', '09-xss-board', false],
    ...claimIds.slice(0, 3).map((c, i) => [`/claims/${c}`, 'statement', `10-xss-claim-${i + 1}`, true]),
  ];
  for (const [route, hook, name, literal] of pages) {
    const rec = await open(route, hook);
    const { page } = rec;
    // Give anything injected a chance to run (onerror fires on a failed load).
    await page.waitForLoadState('networkidle').catch(() => {});
    // Click every link whose text is "click": a javascript: URL rendered as a link would run.
    for (const a of await page.locator('a', { hasText: /^click$/ }).all()) await a.click().catch(() => {});
    const dom = await page.evaluate(() => ({
      xss: typeof window.__xss,
      scripts: [...document.scripts].map((s) => s.src || `inline:${s.textContent.slice(0, 40)}`),
      imgs: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')),
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`),
      ),
      jsLinks: [...document.querySelectorAll('[href],[src],[action],[formaction]')]
        .map((el) => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || '')
        .filter((u) => /^\s*javascript:/i.test(u)),
      text: document.body.innerText,
    }));
    assert.equal(dom.xss, 'undefined', `${route}: window.__xss`);
    const foreign = dom.scripts.filter((s) => !s.startsWith(`${BASE}/assets/`));
    assert.deepEqual(foreign, [], `${route}: scripts not from /assets/`);
    assert.deepEqual(dom.imgs.filter((s) => s === 'x'), [], `${route}: <img> from the data`);
    assert.deepEqual(dom.handlers, [], `${route}: inline event handlers`);
    assert.deepEqual(dom.jsLinks, [], `${route}: javascript: URLs`);
    assert.ok(dom.text.includes(word), `${route}: the page shows the article's claim or text`);
    if (literal) assert.ok(dom.text.includes('<script>'), `${route}: the literal text <script> is visible`);
    await finish(rec, name);
  }
});
