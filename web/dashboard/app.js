// jeugdregio dashboard: fetches the JSON API (docs/api.md) with the bearer token and
// draws tables and Chart.js charts. Pages: #/regio, #/verrekening, #/rapport/<part>,
// #/prognose, #/bestuur (governance.js), #/gemeente/<code>.
'use strict';

const state = { token: sessionStorage.getItem('jr-token') || '', health: null, charts: [],
                // The requests of the page shown; a new page aborts them, so a slow
                // answer of an earlier click never lands in a later page.
                requests: new AbortController() };

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR',
                                              maximumFractionDigits: 0 });
const whole = new Intl.NumberFormat('nl-NL');
const ratio = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (decimals) => new Intl.NumberFormat('nl-NL', {
  style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const eur = (cents) => euro.format(cents / 100);
const euroCents = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

// What the page says about a failed request: the server's Dutch message for a request
// the user can change (400-404), a general sentence otherwise, so no engine error text
// or server path reaches the page (the server's log has them).
function pageMessage(status, message) {
  if (status >= 400 && status <= 404) return message;
  if (status === 503) return 'Dit onderdeel kan nu niet worden berekend; probeer het later opnieuw.';
  return 'Er ging iets mis op de server (HTTP ' + status + ').';
}

async function api(path) {
  const headers = state.token ? { Authorization: 'Bearer ' + state.token } : {};
  const res = await fetch(path, { headers, signal: state.requests.signal });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, pageMessage(res.status, body.error || ''));
  return body;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function table(columns, rows, id) {
  const head = el('tr', {}, ...columns.map((c) => el('th', {}, c.label)));
  const body = rows.map((r) => el('tr', {}, ...columns.map((c) =>
    el('td', c.num ? { class: 'num' } : {}, c.format ? c.format(r[c.key]) : String(r[c.key] ?? '')))));
  return el('table', id ? { id } : {}, el('thead', {}, head), el('tbody', {}, ...body));
}

// A Chart.js chart in euro; the value axis starts at zero, so a height reads as an
// amount.
function chart(kind, labels, datasets, id) {
  const canvas = el('canvas', id ? { id } : {});
  const box = el('div', { class: 'chart' }, canvas);
  if (window.Chart) {
    state.charts.push(new Chart(canvas, {
      type: kind, data: { labels, datasets },
      options: { maintainAspectRatio: false, animation: false,
                 scales: { y: { beginAtZero: true, ticks: { callback: (v) => euro.format(v) } } } },
    }));
  }
  return box;
}

// The fan chart of a municipality page of the report (docs/api.md, "charts"): own use
// as settle computes it, the forecast band P10-P90 with its median, the rijksbudget
// jeugd dashed; the same numbers as the page of the report.
function fanChart(c) {
  const [low, mid, high, ...lines] = c.series;
  const colours = ['#ed7d31', '#70ad47', '#7f7f7f'];
  const datasets = [
    { label: low.name, data: low.values, borderColor: '#9dc3e6', pointRadius: 0 },
    { label: high.name, data: high.values, borderColor: '#9dc3e6', pointRadius: 0,
      backgroundColor: 'rgba(46, 117, 182, 0.25)', fill: '-1' },
    { label: mid.name, data: mid.values, borderColor: '#1f4e79' },
    ...lines.map((s, i) => ({ label: s.name, data: s.values, borderColor: colours[i % 3],
                              borderDash: s.dashed ? [6, 4] : [] }))];
  return [el('h3', {}, c.title), chart('line', c.categories, datasets, 'fan-chart'),
          el('p', { class: 'note' }, c.note)];
}

function show(message) {
  const m = document.getElementById('message');
  m.textContent = message || '';
  m.hidden = !message;
}

async function regionPage(page) {
  const region = await api('/api/region');
  const years = region.years;
  page.append(el('h2', {}, 'Regio: zorgkosten per jaar'),
              chart('bar', years.map((y) => y.year),
                    [{ label: 'Gedeclareerde kosten', data: years.map((y) => y.cost_cents / 100),
                       backgroundColor: '#2e75b6' }]),
              table([{ key: 'year', label: 'Jaar' },
                     { key: 'clients', label: 'Cliënten', num: true, format: whole.format },
                     { key: 'assignments', label: 'Toewijzingen', num: true, format: whole.format },
                     { key: 'cost_cents', label: 'Kosten', num: true, format: eur }], years, 'region-table'));
}

async function settlementPage(page, params) {
  const h = state.health;
  const model = params.get('model') || 'solidair';
  const year = params.get('year') || String((h.settle_years[model] || [h.last_year]).at(-1));
  const key = params.get('key') || '';
  const phase = params.get('phase_from') || '';
  const select = (id, values, current) => {
    const s = el('select', { id });
    for (const [value, text] of values) {
      s.append(el('option', value === current ? { value, selected: '' } : { value }, text));
    }
    s.addEventListener('change', () => {
      const p = new URLSearchParams();
      for (const name of ['model', 'year', 'key', 'phase_from']) {
        const v = document.getElementById(name).value;
        if (v) p.set(name, v);
      }
      location.hash = '#/verrekening?' + p;
    });
    return s;
  };
  // Only the years the model can settle (a model on past costs lacks the first ones).
  const years = (h.settle_years[model] || []).map((y) => [String(y), String(y)]);
  const allYears = [];
  for (let y = h.first_year; y <= h.last_year; y++) allYears.push([String(y), String(y)]);
  page.append(el('h2', {}, 'Verrekening: wie betaalt wat'),
              el('div', { class: 'controls' },
                 'Model ', select('model', h.models.map((m) => [m, m]), model),
                 'Jaar ', select('year', years, year),
                 'Sleutel ', select('key', [['', 'van het model'], ...h.keys.map((k) => [k, k])], key),
                 'Ingroei naar profijt vanaf ', select('phase_from', [['', 'geen'], ...allYears], phase)));
  if (!years.some(([y]) => y === year)) {
    page.append(el('p', { class: 'note', id: 'no-year' },
                   `Model ${model} kan ${year} niet verrekenen; kies een ander jaar.`));
    return;
  }
  const query = { model, year };
  if (key) query.key = key;
  if (phase) query.phase_from = phase;
  const rows = await api('/api/settlement?' + new URLSearchParams(query));
  if (rows.length) page.append(el('p', { class: 'note', id: 'model-name' }, 'Model: ' + rows[0].model));
  page.append(
    chart('bar', rows.map((r) => r.name), [
      { label: 'Bijdrage', data: rows.map((r) => r.contribution_cents / 100), backgroundColor: '#2e75b6' },
      { label: 'Eigen gebruik', data: rows.map((r) => r.own_use_cents / 100), backgroundColor: '#ed7d31' },
      { label: 'Rijksbudget jeugd', data: rows.map((r) => r.state_grant_cents / 100), backgroundColor: '#70ad47' }]),
    table([{ key: 'municipality', label: 'Gemeente' }, { key: 'name', label: 'Naam' },
           { key: 'contribution_cents', label: 'Bijdrage', num: true, format: eur },
           { key: 'own_use_cents', label: 'Eigen gebruik', num: true, format: eur },
           { key: 'state_grant_cents', label: 'Rijksbudget jeugd', num: true, format: eur },
           { key: 'transfer_cents', label: 'Verschil', num: true, format: eur },
           { key: 'contribution_ratio', label: 'Bijdrage / eigen gebruik', num: true,
             format: (v) => (v == null ? '' : ratio.format(v)) }], rows, 'settlement-table'));
  page.querySelector('#settlement-table').dataset.model = rows.length ? rows[0].model : model;
}

async function municipalityPage(page, code, params) {
  const m = await api('/api/municipalities/' + encodeURIComponent(code) +
                      (params.get('model') ? '?model=' + encodeURIComponent(params.get('model')) : ''));
  page.append(el('h2', {}, `${m.name} (${m.municipality})`),
              chart('line', m.use.map((u) => u.year),
                    // Own use as settle defines it (care + local costs + share of the
                    // fixed regional costs), not the declared care of the table below.
                    [{ label: 'Eigen gebruik',
                       data: m.use.map((u) => (m.settlement.find((s) => s.year === u.year) || {}).own_use_cents / 100),
                       borderColor: '#ed7d31' },
                     { label: `Bijdrage (${m.model})`,
                       data: m.use.map((u) => (m.settlement.find((s) => s.year === u.year) || {}).contribution_cents / 100),
                       borderColor: '#2e75b6' }]),
              table([{ key: 'year', label: 'Jaar' },
                     { key: 'clients', label: 'Cliënten', num: true, format: whole.format },
                     { key: 'cost_cents', label: 'Gedeclareerde zorg', num: true, format: eur },
                     { key: 'cost_per_inhabitant', label: 'Per inwoner', num: true,
                       format: (v) => (v == null ? '' : ratio.format(v)) }], m.use, 'municipality-table'));
  // The municipality's page of the report: its rows of every region table and its
  // forecast (computed on first use).
  page.append(el('h3', {}, 'Uit het rapport'));
  try {
    await reportPage(page, 'gemeente_' + m.municipality, false);
  } catch (e) {
    if (e.status !== 404) throw e;
    page.querySelector('.busy')?.remove();
    page.append(el('p', { class: 'note' }, 'Geen rapportpagina: de gemeente bestaat niet in het rapportjaar.'));
  }
}

// A value of a report table for people, by the column's type (docs/api.md): cents as
// euros, fractions of a percent column as %, years without a thousands dot.
function cell(column, v) {
  if (v == null) return '';
  if (typeof v !== 'number') return String(v);
  switch (column.type) {
    case 'money': return eur(v);
    case 'cents': return euroCents.format(v / 100);
    case 'percent': return percent(Math.min(column.decimals ?? 1, 3)).format(v);
    case 'year': return String(v);
    case 'number': return new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: column.decimals, maximumFractionDigits: column.decimals }).format(v);
    default: return Number.isInteger(v) ? whole.format(v) : ratio.format(v);
  }
}

// A part of the report computed by the server (risk, target path, agenda, measures).
async function reportPage(page, key, heading = true) {
  const busy = el('p', { class: 'busy' }, 'Bezig met berekenen…');
  page.append(busy);
  const part = await api('/api/report/' + encodeURIComponent(key));
  busy.remove();
  if (heading) page.append(el('h2', {}, part.title));
  for (const t of part.text) page.append(el('p', { class: 'note' }, t));
  for (const c of part.charts || []) page.append(...fanChart(c));
  for (const t of part.tables) {
    if (t.title) page.append(el('h3', {}, t.title));
    const cols = t.columns.map((c) => ({ key: c.key, label: c.label,
                                         num: t.rows.some((r) => typeof r[c.key] === 'number'),
                                         format: (v) => cell(c, v) }));
    page.append(table(cols, t.rows, 'table-' + t.key));
    for (const n of t.notes) page.append(el('p', { class: 'note' }, n));
  }
  page.querySelector('table[id^="table-"]')?.setAttribute('data-part', key);
}

// The forecast with levers switched on or off; recomputed on the server.
async function forecastPage(page, params) {
  const chosen = (params.get('levers') || '').split(',').filter((x) => x !== '');
  const levers = await api('/api/levers');
  const form = el('form', { id: 'levers' });
  for (const l of levers) {
    const box = el('input', { type: 'checkbox', value: String(l.index), id: 'lever-' + l.index });
    box.checked = chosen.includes(String(l.index));
    form.append(el('label', { class: 'lever' }, box, ` ${l.name} (vanaf ${l.start})`));
  }
  form.append(el('button', { type: 'submit', id: 'recompute' }, 'Bereken'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const on = [...form.querySelectorAll('input:checked')].map((b) => b.value);
    location.hash = '#/prognose?' + new URLSearchParams({ levers: on.join(',') });
  });
  page.append(el('h2', {}, 'Prognose met hefbomen'), form);
  const busy = el('p', { class: 'busy', id: 'busy' }, 'Bezig met berekenen (microsimulatie)…');
  page.append(busy);
  const f = await api('/api/forecast?' + new URLSearchParams({ levers: chosen.join(',') }));
  busy.remove();
  const region = f.yearly.filter((r) => r.municipality === 'REGIO' && r.group === 'alle');
  page.append(
    el('p', { class: 'note' }, `Vanaf ${f.from}, ${f.months} maanden, ${f.runs} replicaties.`),
    chart('line', region.map((r) => r.period), [
      { label: 'P90', data: region.map((r) => r.cost_p90_cents / 100), borderColor: '#9dc3e6' },
      { label: 'Gemiddeld', data: region.map((r) => r.cost_mean_cents / 100), borderColor: '#1f4e79' },
      { label: 'P10', data: region.map((r) => r.cost_p10_cents / 100), borderColor: '#9dc3e6' }]),
    table([{ key: 'period', label: 'Jaar' },
           { key: 'cost_mean_cents', label: 'Kosten gem.', num: true, format: eur },
           { key: 'cost_p10_cents', label: 'P10', num: true, format: eur },
           { key: 'cost_p90_cents', label: 'P90', num: true, format: eur },
           { key: 'active_mean', label: 'Lopend gem.', num: true, format: (v) => whole.format(Math.round(v)) }],
          region, 'forecast-table'));
  page.querySelector('#forecast-table').dataset.levers = chosen.join(',');
  const effect = f.lever_effect.filter((r) => r.municipality === 'REGIO' && r.group === 'alle');
  if (effect.length) {
    page.append(el('h3', {}, 'Effect van de hefbomen (met hefbomen min basis, zelfde toevalsgetallen)'),
                table([{ key: 'year', label: 'Jaar' },
                       { key: 'cost_effect_mean_cents', label: 'Effect kosten gem.', num: true, format: eur },
                       { key: 'cost_effect_p10_cents', label: 'P10', num: true, format: eur },
                       { key: 'cost_effect_p90_cents', label: 'P90', num: true, format: eur }],
                      effect, 'effect-table'));
  }
  // The month a provider's ceiling (a team's budget) runs out in the simulation: a
  // table, or the sentence that none does.
  const spend = [{ key: 'spend_mean_cents', label: 'Kosten gem.', num: true, format: eur }];
  const out = [{ key: 'out_share', label: 'Kans op', num: true, format: (v) => percent(0).format(v) },
               { key: 'out_month', label: 'Op in maand (P50)', format: (v) => v || '' }];
  // Only those that run out in at least half the runs, by the month they do; the
  // others are counted (the CLI's --format json lists all).
  const capacity = (title, columns, rows, id, none) => {
    const likely = rows.filter((r) => r.out_share >= 0.5)
      .sort((a, b) => (a.out_month < b.out_month ? -1 : a.out_month > b.out_month ? 1 : 0));
    page.append(el('h3', {}, title),
                likely.length ? table(columns, likely, id) : el('p', { class: 'note', id }, none));
    if (rows.length > likely.length) {
      page.append(el('p', { class: 'note' },
                     `${rows.length - likely.length} andere raken op in minder dan de helft van de runs.`));
    }
  };
  capacity('Budgetplafonds die in de prognose opraken',
           [{ key: 'agb', label: 'Aanbieder' }, { key: 'lot', label: 'Perceel' }, { key: 'year', label: 'Jaar' },
            { key: 'ceiling_cents', label: 'Plafond', num: true, format: eur }, ...spend,
            { key: 'overrun_mean_cents', label: 'Overschrijding gem.', num: true, format: eur }, ...out],
           f.ceilings, 'ceilings-table', 'Geen plafond raakt op in de helft van de runs.');
  capacity('Teambudgetten die in de prognose opraken',
           [{ key: 'team', label: 'Team' }, { key: 'municipality', label: 'Gemeente' }, { key: 'year', label: 'Jaar' },
            { key: 'budget_cents', label: 'Budget', num: true, format: eur }, ...spend, ...out],
           f.teams, 'teams-table', 'Geen teambudget raakt op in de helft van de runs.');
}

async function route() {
  state.requests.abort();
  state.requests = new AbortController();
  const requests = state.requests;
  state.charts.forEach((c) => c.destroy());
  state.charts = [];
  // A new page element: an earlier page's code that still runs writes into the old,
  // detached one.
  const page = el('section', { id: 'page' });
  document.getElementById('page').replaceWith(page);
  show('');
  const [path, query] = (location.hash.slice(1) || '/regio').split('?');
  const params = new URLSearchParams(query || '');
  try {
    if (!state.health) await start();
    if (path.startsWith('/gemeente/')) await municipalityPage(page, path.slice(10), params);
    else if (path === '/verrekening') await settlementPage(page, params);
    else if (path.startsWith('/rapport/')) await reportPage(page, path.slice(9));
    else if (path === '/prognose') await forecastPage(page, params);
    else if (path === '/bestuur') await governancePage(page, params);
    else if (path === '/bevindingen') await findingsPage(page, params);
    else await regionPage(page);
  } catch (e) {
    if (requests.signal.aborted) return;  // a later page took over
    if (e.status === 401) {
      document.getElementById('login').hidden = false;
    }
    show(e.message);
  }
  if (requests.signal.aborted) return;
  page.dataset.ready = path;
}

async function start() {
  state.health = await api('/api/health');
  document.getElementById('login').hidden = true;
  document.getElementById('dataset').textContent = state.health.dataset + ' · rol ' + state.health.role;
  const nav = document.getElementById('municipality-nav');
  nav.replaceChildren(el('option', { value: '' }, 'Gemeente…'));
  for (const m of await api('/api/municipalities')) {
    nav.append(el('option', { value: m.municipality }, `${m.name} (${m.municipality})`));
  }
  nav.onchange = () => { if (nav.value) location.hash = '#/gemeente/' + nav.value; };
  document.getElementById('nav').hidden = false;
}

document.getElementById('login').addEventListener('submit', (ev) => {
  ev.preventDefault();
  state.token = document.getElementById('token').value.trim();
  sessionStorage.setItem('jr-token', state.token);
  state.health = null;
  route();
});
window.addEventListener('hashchange', route);
route();
