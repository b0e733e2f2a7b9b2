// jeugdregio dashboard, page #/bestuur: who does what at what staffing cost
// (GET /api/governance, docs/api.md). The variants side by side per municipality,
// the score on the five criteria with weights a council sets, and the voting table.
// Uses the helpers of app.js (api, el, table, state, whole, ratio, eur).
'use strict';

const fte = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1,
                                             maximumFractionDigits: 1 });
const criteriaKeys = ['kwaliteit', 'efficientie', 'stuurbaarheid', 'eenvoud', 'eigenaarschap'];

function fteChart(labels, datasets) {
  const canvas = el('canvas');
  const box = el('div', { class: 'chart' }, canvas);
  if (window.Chart) {
    state.charts.push(new Chart(canvas, {
      type: 'bar', data: { labels, datasets },
      options: { maintainAspectRatio: false, animation: false,
                 scales: { y: { title: { display: true, text: 'fte' } } } },
    }));
  }
  return box;
}

async function governancePage(page, params) {
  const variant = params.get('variant') || 'alles-lokaal';
  const weights = params.get('weights') || '';
  const query = new URLSearchParams({ variant });
  if (weights) query.set('weights', weights);
  const g = await api('/api/governance?' + query);
  const s = g.summary;

  const choose = el('select', { id: 'variant' });
  for (const v of ['huidig', 'alles-lokaal', 'alles-regionaal']) {
    choose.append(el('option', v === variant ? { value: v, selected: '' } : { value: v }, v));
  }
  const given = Object.fromEntries(g.criteria.filter((c) => c.criterion !== 'score')
    .map((c) => [c.criterion, c.weight]));
  const inputs = criteriaKeys.map((key) =>
    el('input', { id: 'weight-' + key, type: 'number', min: '0', step: '0.5',
                  value: String(given[key] ?? 1), 'aria-label': 'Gewicht ' + key, size: '3' }));
  const go = () => {
    const p = new URLSearchParams({ variant: choose.value });
    p.set('weights', criteriaKeys.map((key, i) => `${key}=${inputs[i].value || 0}`).join(','));
    location.hash = '#/bestuur?' + p;
  };
  choose.addEventListener('change', go);
  inputs.forEach((i) => i.addEventListener('change', go));

  page.append(el('h2', {}, 'Bestuur: wie doet wat, tegen welke formatie'),
              el('div', { class: 'controls' }, 'Variant ', choose),
              el('div', { class: 'controls' }, 'Gewichten: ',
                 ...criteriaKeys.flatMap((key, i) => [key + ' ', inputs[i], ' '])));
  const sign = s.municipal_fte_extra >= 0 ? '+' : '';
  page.append(el('p', { class: 'note', id: 'governance-summary' },
    `${s.variant} (${s.year}): gemeenten ${sign}${fte.format(s.municipal_fte_extra)} fte ` +
    `(factor ${ratio.format(s.municipal_factor)}), aanbieders x${ratio.format(s.provider_admin_factor)}; ` +
    `score ${ratio.format(s.score)} (nu ${ratio.format(s.score_current)}). ` +
    `${s.below_scale_threshold.length} van ${s.municipalities} gemeenten onder ` +
    `${whole.format(s.scale_threshold)} inwoners.`));

  page.append(el('h3', {}, 'Per partij'),
    table([{ key: 'name', label: 'Partij' },
           { key: 'fte_current', label: 'Fte nu', num: true, format: fte.format },
           { key: 'fte_variant', label: 'Fte variant', num: true, format: fte.format },
           { key: 'factor', label: 'Factor', num: true, format: (v) => (v == null ? '' : ratio.format(v)) },
           { key: 'cost_current_cents', label: 'Kosten nu', num: true, format: eur },
           { key: 'cost_variant_cents', label: 'Kosten variant', num: true, format: eur }],
          g.actors, 'governance-actors'));

  const rows = g.variant_rows.filter((r) => r.municipality !== 'REGIO');
  page.append(el('h3', {}, 'Varianten naast elkaar: eigen formatie per gemeente'),
    fteChart(rows.map((r) => r.name), [
      { label: 'Huidig', data: rows.map((r) => r.fte_huidig), backgroundColor: '#a5a5a5' },
      { label: 'Alles lokaal', data: rows.map((r) => r.fte_alles_lokaal), backgroundColor: '#ed7d31' },
      { label: 'Alles regionaal', data: rows.map((r) => r.fte_alles_regionaal), backgroundColor: '#2e75b6' }]),
    table([{ key: 'municipality', label: 'Code' }, { key: 'name', label: 'Gemeente' },
           { key: 'inhabitants', label: 'Inwoners', num: true, format: whole.format },
           { key: 'fte_huidig', label: 'huidig', num: true, format: fte.format },
           { key: 'fte_alles_lokaal', label: 'alles-lokaal', num: true, format: fte.format },
           { key: 'fte_alles_regionaal', label: 'alles-regionaal', num: true, format: fte.format }],
          g.variant_rows, 'governance-variants'));

  page.append(el('h3', {}, `Gemeenten in ${s.variant}`),
    table([{ key: 'municipality', label: 'Code' }, { key: 'name', label: 'Gemeente' },
           { key: 'below_scale_threshold', label: 'Onder schaaldrempel' },
           { key: 'fte_current', label: 'Fte nu', num: true, format: fte.format },
           { key: 'fte_variant', label: 'Fte variant', num: true, format: fte.format },
           { key: 'fte_per_10k_inhabitants', label: 'Fte per 10.000 inw.', num: true,
             format: (v) => (v == null ? '' : ratio.format(v)) },
           { key: 'cost_change_cents', label: 'Verschil kosten', num: true, format: eur },
           { key: 'joint_variant_cents', label: 'Aandeel regio', num: true, format: eur }],
          g.rows, 'governance-municipalities'));

  page.append(el('h3', {}, 'Toetsingskader (1-5)'),
    table([{ key: 'name', label: 'Criterium' },
           { key: 'weight', label: 'Gewicht', num: true, format: ratio.format },
           { key: 'score_huidig', label: 'huidig', num: true, format: ratio.format },
           { key: 'score_alles_lokaal', label: 'alles-lokaal', num: true, format: ratio.format },
           { key: 'score_alles_regionaal', label: 'alles-regionaal', num: true, format: ratio.format }],
          g.variant_criteria, 'governance-score'));

  const byCode = new Map();
  for (const v of g.voting) {
    const r = byCode.get(v.municipality) || { municipality: v.municipality, name: v.name };
    r[v.method] = v.weight;
    byCode.set(v.municipality, r);
  }
  page.append(el('h3', {}, 'Stemgewicht: naar omvang en gelijk'),
    table([{ key: 'municipality', label: 'Code' }, { key: 'name', label: 'Gemeente' },
           { key: 'omvang', label: 'Naar omvang', num: true, format: (v) => (v == null ? '' : pct.format(v)) },
           { key: 'gelijk', label: 'Gelijk', num: true, format: (v) => (v == null ? '' : pct.format(v)) }],
          [...byCode.values()], 'governance-voting'),
    table([{ key: 'method', label: 'Methode' }, { key: 'description', label: 'Besluit vraagt' },
           { key: 'min_majority', label: 'Minste gemeenten voor besluit', num: true },
           { key: 'min_blocking', label: 'Minste gemeenten om te blokkeren', num: true }],
          g.decisions, 'governance-decisions'));
}
