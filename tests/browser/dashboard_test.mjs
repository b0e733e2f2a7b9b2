// Browser tests of the dashboard (issue 6): playwright-core drives Debian's Chromium
// against `jeugdregio serve` on a small demo region (with its budget, agenda, measures,
// levers and governance files).
// Usage: node tests/browser/dashboard_test.mjs <path to jeugdregio> [screenshot dir]
// Exit 0 = passed, 1 = failed, 77 = skipped (no Chromium or no web/node_modules).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const jr = path.resolve(process.argv[2] || 'build/jeugdregio');
const shots = process.argv[3];
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!chromiumPath) {
  console.log('OVERGESLAGEN: Chromium is niet geïnstalleerd (apt-get install chromium)');
  process.exit(77);
}
let chromium;
try {
  chromium = createRequire(path.join(root, 'web/package.json'))('playwright-core').chromium;
} catch {
  console.log('OVERGESLAGEN: playwright-core ontbreekt (cd web && npm ci)');
  process.exit(77);
}

let passed = 0, failed = 0;
function check(what, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'}: ${what}${ok ? '' : ' ' + detail}`);
}

const dir = mkdtempSync(path.join(tmpdir(), 'jr_browser_'));
const db = path.join(dir, 'j.db');
execFileSync(jr, ['init', '--db', db]);
execFileSync(jr, ['demo', '--db', db, '--dir', path.join(dir, 'demo'), '--scale', '0.02']);
const token = (role) => execFileSync(jr, ['token', 'add', '--db', db, '--role', role],
                                     { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const regionToken = token('region');
const gm0505Token = token('municipality:GM0505');

const server = spawn(jr, ['serve', '--db', db, '--port', '0', '--web', path.join(root, 'web')]);
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/[0-9.:]+/);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error('serve stopte met code ' + code)));
  setTimeout(() => reject(new Error('serve start niet')), 20000);
});

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  // Region token: log in, region page, switch the settlement model.
  const page = await (await browser.newContext()).newPage();
  // The security headers (issue 18, item 9): the dashboard works under its CSP.
  const cspViolations = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.goto(url + '/#/regio');
  await page.waitForSelector('#login:not([hidden])');
  check('without a token the dashboard asks for one', await page.isVisible('#token'));
  await page.fill('#token', regionToken);
  await page.click('#login button');
  await page.waitForSelector('#region-table');
  check('Chart.js is served locally', await page.evaluate(() => typeof window.Chart === 'function'));
  check('region page has a chart', (await page.locator('canvas').count()) > 0);

  await page.goto(url + '/#/verrekening');
  await page.waitForSelector('#settlement-table[data-model="solidair"]');
  await page.selectOption('#model', 'profijt');
  await page.waitForSelector('#settlement-table[data-model="profijt"]');
  const shown = await page.$$eval('#settlement-table tbody tr', (rows) =>
    rows.map((r) => [...r.children].map((td) => td.textContent)));
  const auth = { headers: { Authorization: 'Bearer ' + regionToken } };
  const health = await (await fetch(url + '/api/health', auth)).json();
  const rows = await (await fetch(url + `/api/settlement?model=profijt&year=${health.last_year}`,
                                  auth)).json();
  const digits = (s) => s.replace(/[^0-9-]/g, '');
  check('settlement table has a row per municipality of the API', shown.length === rows.length,
        `${shown.length} != ${rows.length}`);
  check('settlement table matches the API after switching model',
        rows.every((r, i) => shown[i][0] === r.municipality &&
                             digits(shown[i][2]) === String(Math.round(r.contribution_cents / 100)) &&
                             digits(shown[i][3]) === String(Math.round(r.own_use_cents / 100))),
        JSON.stringify(shown));
  // What-if: a phase-in from solidair to own use, recomputed on the server.
  await page.selectOption('#model', 'solidair');
  await page.waitForSelector('#settlement-table[data-model="solidair"]');
  const phaseYear = String(health.last_year - 1);
  await page.selectOption('#phase_from', phaseYear);
  const phasedName = `solidair, ingroei naar profijt vanaf ${phaseYear}`;
  await page.waitForSelector(`#settlement-table[data-model="${phasedName}"]`);
  const phasedApi = await (await fetch(url + '/api/settlement?' + new URLSearchParams(
    { model: 'solidair', year: String(health.last_year), phase_from: phaseYear }), auth)).json();
  const phasedShown = await page.$$eval('#settlement-table tbody tr td:nth-child(3)', (tds) =>
    tds.map((td) => td.textContent));
  check('phase-in what-if matches the API',
        phasedApi.every((r, i) => digits(phasedShown[i]) === String(Math.round(r.contribution_cents / 100))),
        JSON.stringify(phasedShown));
  if (shots) await page.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true });

  // Only the years a model can settle are offered; an address with another year gets a
  // sentence, not the engine's refusal (issue 15 item 11).
  for (const model of ['solidair', 'vlaktaks-3']) {
    await page.goto(url + '/#/verrekening?model=' + model);
    await page.waitForSelector(`#settlement-table[data-model="${model}"]`);
    const offered = await page.$$eval('#year option', (os) => os.map((o) => Number(o.value)));
    check(`settlement page offers the years ${model} can settle`,
          JSON.stringify(offered) === JSON.stringify(health.settle_years[model]),
          `${offered} != ${health.settle_years[model]}`);
  }
  check('a model on past costs lacks the first year',
        !health.settle_years['vlaktaks-3'].includes(health.first_year));
  await page.goto(url + `/#/verrekening?model=vlaktaks-3&year=${health.first_year}`);
  await page.waitForSelector('#page[data-ready="/verrekening"]', { state: 'attached' });
  check('a year the model cannot settle gives a sentence and no engine error',
        (await page.locator('#no-year').count()) === 1 && !(await page.isVisible('#message')));

  // Fast clicking: the earlier page's answer never lands in the later page.
  await page.goto(url + '/#/rapport/risico');
  await page.goto(url + '/#/regio');
  await page.waitForSelector('#page[data-ready="/regio"]', { state: 'attached' });
  await page.waitForTimeout(1500);
  check('a page left quickly does not mix into the next',
        (await page.locator('#region-table').count()) === 1 &&
        (await page.locator('table[data-part="risico"]').count()) === 0);
  // Percentages as percentages (the risk's standard deviation per contribution).
  await page.goto(url + '/#/rapport/risico');
  await page.waitForSelector('table[data-part="risico"]', { timeout: 120000 });
  const ratioCells = await page.$$eval('#table-risico tbody tr td:last-child', (tds) =>
    tds.map((td) => td.textContent));
  check('percent columns are shown as %', ratioCells.length > 0 && ratioCells.every((t) => /%$/.test(t)),
        JSON.stringify(ratioCells.slice(0, 3)));

  // Forecast: switching a lever on recomputes on the server and changes the forecast.
  await page.goto(url + '/#/prognose');
  await page.waitForSelector('#forecast-table[data-levers=""]', { timeout: 120000 });
  const baseline = await page.textContent('#forecast-table tbody');
  check('baseline forecast has no lever effect', (await page.locator('#effect-table').count()) === 0);
  // The ceilings and team budgets that run out: a table, or the sentence that none does.
  check('forecast shows the ceilings and team budgets',
        (await page.locator('#ceilings-table').count()) === 1 &&
        (await page.locator('#teams-table').count()) === 1);
  await page.evaluate(() => {
    window.sawBusy = false;
    new MutationObserver(() => { if (document.getElementById('busy')) window.sawBusy = true; })
      .observe(document.body, { childList: true, subtree: true });
  });
  await page.check('#lever-2');
  await page.click('#recompute');
  await page.waitForSelector('#forecast-table[data-levers="2"]', { timeout: 120000 });
  check('recomputing shows progress', await page.evaluate(() => window.sawBusy));
  const withLever = await page.textContent('#forecast-table tbody');
  check('a lever changes the forecast', withLever !== baseline);
  const effects = await page.$$eval('#effect-table tbody tr td:nth-child(2)', (tds) =>
    tds.map((td) => td.textContent));
  check('fewer residential placements lower the cost',
        effects.length > 0 && effects.every((e) => e.includes('-')), JSON.stringify(effects));
  if (shots) await page.screenshot({ path: path.join(shots, 'dashboard-prognose.png'), fullPage: true });

  // Parts of the report: risk, target path, agenda, measures.
  for (const part of ['risico', 'taakstelling', 'agenda', 'maatregelen']) {
    await page.goto(url + '/#/rapport/' + part);
    await page.waitForSelector(`table[data-part="${part}"]`, { timeout: 120000 });
    check(`page ${part} shows its tables`, (await page.locator('table').count()) > 0);
  }

  // Governance (issue 16): all local against today, the variants side by side, the
  // score with weights a council sets, the voting table.
  await page.goto(url + '/#/bestuur');
  await page.waitForSelector('#governance-variants');
  const summary = await page.textContent('#governance-summary');
  const extra = parseFloat((summary.match(/\+([0-9.,]+) fte/) || ['', 'NaN'])[1]
    .replace(/\./g, '').replace(',', '.'));
  check('governance page: all local costs the municipalities 100-140 fte more',
        extra >= 100 && extra <= 140, summary);
  check('governance page: 9 of 10 municipalities under the scale threshold',
        summary.includes('9 van 10'), summary);
  check('governance page: the voting table has every municipality',
        (await page.locator('#governance-voting tbody tr').count()) === 10);
  const scoreBefore = await page.textContent('#governance-score tbody tr:last-child');
  await page.evaluate(() => { document.getElementById('page').dataset.ready = ''; });
  await page.fill('#weight-eigenaarschap', '5');
  await page.dispatchEvent('#weight-eigenaarschap', 'change');
  await page.waitForSelector('#page[data-ready="/bestuur"] #governance-score');
  check('governance page: the weights are in the address',
        (await page.evaluate(() => location.hash)).includes('eigenaarschap%3D5'));
  check('governance page: another weight recomputes the score',
        (await page.textContent('#governance-score tbody tr:last-child')) !== scoreBefore);
  if (shots) await page.screenshot({ path: path.join(shots, 'dashboard-bestuur.png'), fullPage: true });

  // Municipality token: its own page opens, another municipality's page does not.
  const mpage = await (await browser.newContext()).newPage();
  await mpage.goto(url + '/');
  await mpage.fill('#token', gm0505Token);
  await mpage.click('#login button');
  await mpage.waitForSelector('#region-table');
  const menu = await mpage.$$eval('#municipality-nav option', (os) => os.map((o) => o.value));
  check('a municipality token sees only its municipality in the menu',
        JSON.stringify(menu) === JSON.stringify(['', 'GM0505']), JSON.stringify(menu));
  await mpage.goto(url + '/#/gemeente/GM0505');
  await mpage.waitForSelector('table[data-part="gemeente_GM0505"]', { timeout: 120000 });
  check('municipality token opens its own page, with its part of the report', true);
  // The page's chart in euro: own use as settle computes it, the forecast fan and the
  // budget line, the axis from zero.
  const mauth = { headers: { Authorization: 'Bearer ' + gm0505Token } };
  const mdetail = await (await fetch(url + '/api/municipalities/GM0505?model=solidair', mauth)).json();
  const fan = await mpage.evaluate(() => {
    const c = Chart.getChart(document.getElementById('fan-chart'));
    return { min: c.scales.y.min, labels: c.data.labels,
             own: c.data.datasets[3].data, names: c.data.datasets.map((d) => d.label) };
  });
  const ownUse = Object.fromEntries(mdetail.settlement.map((s) => [String(s.year), s.own_use_cents / 100]));
  check('municipality fan chart: axis from zero', fan.min === 0, String(fan.min));
  check('municipality fan chart: history is settle\'s own use',
        fan.labels.every((y, i) => fan.own[i] == null || Math.abs(fan.own[i] - ownUse[y]) < 0.01) &&
        fan.own.filter((v) => v != null).length === mdetail.settlement.length,
        JSON.stringify([fan.labels, fan.own, ownUse]));
  check('municipality fan chart: forecast band and budget line',
        fan.names.includes('Prognose (mediaan)') && fan.names.includes('Rijksbudget jeugd'),
        JSON.stringify(fan.names));
  if (shots) {  // the words and the chart; the tables below are the report's
    await mpage.screenshot({ path: path.join(shots, 'dashboard-gemeente.png'), fullPage: true,
                             clip: { x: 0, y: 0, width: 1280, height: 1700 } });
  }
  await mpage.goto(url + '/#/gemeente/GM1963');
  await mpage.waitForSelector('#page[data-ready="/gemeente/GM1963"]', { state: 'attached' });
  const message = await mpage.textContent('#message');
  check('municipality token cannot open another municipality',
        message.includes('geen toegang') && (await mpage.locator('#municipality-table').count()) === 0,
        message);
  check('no Content-Security-Policy violations', cspViolations.length === 0,
        cspViolations.join('; '));
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
