// The page "Rechtmatigheid" (#/bevindingen): the decisions of `jeugdregio check`
// (GET /api/findings): a count per code and the findings themselves, filtered by code
// and year. Uses api, el, table and show of app.js; a municipality token sees only its
// own findings.
async function findingsPage(page, params) {
  const query = new URLSearchParams();
  for (const k of ['code', 'year']) if (params.get(k)) query.set(k, params.get(k));
  query.set('limit', '500');
  const body = await api('/api/findings?' + query.toString());
  page.append(el('h2', {}, 'Rechtmatigheid: bevindingen per declaratieregel'));
  if (body.total === 0) {
    page.append(el('p', {}, 'Geen bevindingen (of jeugdregio check is nog niet uitgevoerd).'));
    return;
  }
  const counts = {};
  for (const f of body.findings) {
    const c = counts[f.code] || (counts[f.code] = { code: f.code, status: f.status, n: 0 });
    c.n += 1;
  }
  page.append(el('p', {}, `${body.total} bevindingen; de eerste ${body.findings.length} staan hieronder.`));
  page.append(table([{ key: 'code', label: 'Code' }, { key: 'status', label: 'Status' },
                     { key: 'n', label: 'Aantal (getoond)', num: true }],
                    Object.values(counts), 'findings-codes'));
  page.append(table([{ key: 'municipality', label: 'Gemeente' },
                     { key: 'assignment', label: 'Toewijzing' },
                     { key: 'declaration', label: 'Declaratie' },
                     { key: 'start', label: 'Begindatum' },
                     { key: 'code', label: 'Code' },
                     { key: 'status', label: 'Status' },
                     { key: 'message', label: 'Melding' }],
                    body.findings, 'findings'));
}
