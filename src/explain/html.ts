/**
 * The HTML view of `envoy explain`: one self-contained page (no network) with
 * the article, every entity, date, figure and visit argument highlighted, a
 * card per visit, and the rule and resolved value of whatever is hovered or
 * clicked.
 */
import type { Doc } from '../doc.ts';
import type { VisitEvent } from '../schema.ts';
import { annotate, type Annotation } from './annotations.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Classes of a text segment covered by these annotations. */
function classesOf(anns: Annotation[]): string {
  const classes = new Set<string>(['hl']);
  for (const a of anns) {
    if (a.kind === 'entity') classes.add(`ent-${a.role}`);
    else if (a.kind === 'visit') classes.add('ev');
    else classes.add(a.kind);
  }
  return [...classes].join(' ');
}

/** Diagnostics of whole triggers are shown in the info panel, not as highlights. */
const HIGHLIGHTED = new Set<Annotation['kind']>(['entity', 'date', 'figure', 'visit', 'near-miss']);

/**
 * The article cut at every annotation boundary; each piece lists the indexes (into `anns`)
 * of the annotations covering it. One sweep over the boundaries, so long articles stay linear.
 */
function renderText(text: string, anns: Annotation[]): string {
  const starting = new Map<number, number[]>();
  const ending = new Map<number, number[]>();
  anns.forEach((a, k) => {
    if (!HIGHLIGHTED.has(a.kind) || a.span.end <= a.span.start) return;
    (starting.get(a.span.start) ?? starting.set(a.span.start, []).get(a.span.start)!).push(k);
    (ending.get(a.span.end) ?? ending.set(a.span.end, []).get(a.span.end)!).push(k);
  });
  const points = [...new Set([0, text.length, ...starting.keys(), ...ending.keys()])].sort((a, b) => a - b);
  const active = new Set<number>();
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    for (const k of ending.get(from) ?? []) active.delete(k);
    for (const k of starting.get(from) ?? []) active.add(k);
    const piece = escapeHtml(text.slice(from, to));
    if (!active.size) {
      out.push(piece);
      continue;
    }
    const covering = [...active].sort((a, b) => a - b).map((k) => anns[k]);
    const events = [...new Set(covering.map((a) => a.event).filter(Boolean))].join(' ');
    const title = covering.map((a) => `${a.kind}: ${a.value} [${a.rule}]`).join('\n');
    out.push(`<span class="${classesOf(covering)}" data-ann="${[...active].sort((a, b) => a - b).join(' ')}" data-events="${events}" title="${escapeHtml(title)}">${piece}</span>`);
  }
  return out.join('');
}

function card(e: VisitEvent): string {
  const who = e.visitors.map((v) => `${escapeHtml(v.name)}${v.title ? ` <small>${escapeHtml(v.title)}</small>` : ''}`).join(', ') || '<i>unnamed</i>';
  const met = e.met.length ? `<div class="row"><b>met</b> ${e.met.map((m) => escapeHtml(m.name)).join(', ')}</div>` : '';
  const when = e.when ? `${escapeHtml(e.when.value)} <small>${e.when.text ? `“${escapeHtml(e.when.text)}”` : 'reference date'}</small>` : '<i>no date</i>';
  return `<div class="card status-${e.status}" data-event="${e.id}">
  <div class="route"><span class="who">${who}</span> <small>${e.visitorCountry ?? '?'}</small> → <span class="to">${e.destination.country ?? '?'}</span>${e.destination.place ? ` <small>${escapeHtml(e.destination.place)}</small>` : ''}</div>
  <div class="row"><b>when</b> ${when}</div>
  <div class="row"><b>status</b> <span class="status">${e.status}</span>${e.attribution ? ` <small>per ${escapeHtml(e.attribution)}</small>` : ''}</div>
  ${met}
  <div class="row"><b>rule</b> <code>${escapeHtml(e.rule)}</code> <small>${e.id} · CAMEO ${e.cameo}</small></div>
</div>`;
}

const STYLE = `
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
header h1{font-size:18px;margin:0 0 4px}
.legend span{display:inline-block;margin:2px 8px 2px 0;padding:0 6px;border-radius:3px}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);gap:20px;padding:20px}
#article{white-space:pre-wrap;background:#fff;padding:16px 20px;border:1px solid #ddd;border-radius:6px}
.hl{border-radius:2px;cursor:pointer}
.ent-person{background:#ffe0b2}.ent-organization{background:#d1c4e9}.ent-country{background:#c8e6c9}
.ent-city,.ent-place{background:#b2dfdb}.ent-nationality{background:#f0f4c3}
.date{background:#bbdefb}.figure{background:#f8bbd0}
.ev{border-bottom:3px solid #e53935}.near-miss{outline:1px dashed #9e9e9e}.fired,.dropped{border-bottom-style:double}
.hl.focus{box-shadow:0 0 0 2px #e53935}
.card{background:#fff;border:1px solid #ddd;border-left:5px solid #e53935;border-radius:6px;padding:10px 12px;margin-bottom:10px;cursor:pointer}
.card.status-planned{border-left-color:#1e88e5}.card.status-ongoing{border-left-color:#43a047}.card.status-cancelled{border-left-color:#757575}
.card.focus{box-shadow:0 0 0 2px #e53935}
.route{font-weight:600}.row{font-size:13px}.row b{display:inline-block;width:52px;color:#666;font-weight:500}
#info{position:sticky;top:10px;background:#263238;color:#eceff1;padding:10px 12px;border-radius:6px;font-size:13px;min-height:40px;white-space:pre-wrap}
#info code{color:#ffcc80}
`;

const SCRIPT = `
const anns = JSON.parse(document.getElementById('annotations').textContent);
const info = document.getElementById('info');
function show(el) {
  const ids = (el.dataset.ann || '').split(' ').filter(Boolean).map(Number);
  info.innerHTML = ids.map((k) => {
    const a = anns[k];
    const esc = (s) => s.replace(/[&<>]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;'})[c]);
    return '<div class="ann"><b>' + a.kind + '</b> “' + esc(a.span.text) + '” → ' + esc(a.value) + ' <code>' + esc(a.rule) + '</code></div>';
  }).join('');
}
function focusEvent(id) {
  document.querySelectorAll('.focus').forEach((x) => x.classList.remove('focus'));
  document.querySelectorAll('[data-event="' + id + '"]').forEach((x) => x.classList.add('focus'));
  document.querySelectorAll('.hl').forEach((x) => { if (x.dataset.events.split(' ').includes(id)) x.classList.add('focus'); });
}
document.querySelectorAll('.hl').forEach((el) => {
  el.addEventListener('mouseenter', () => show(el));
  el.addEventListener('click', () => { show(el); const ev = el.dataset.events.split(' ')[0]; if (ev) focusEvent(ev); });
});
document.querySelectorAll('.card').forEach((el) => el.addEventListener('click', () => focusEvent(el.dataset.event)));
`;

export function explainHtml(doc: Doc, meta: { id: string; source: string }): string {
  const anns = annotate(doc);
  const legend = [
    ['ent-person', 'person'],
    ['ent-organization', 'organisation'],
    ['ent-country', 'country'],
    ['ent-city', 'city / place'],
    ['ent-nationality', 'nationality'],
    ['date', 'date'],
    ['figure', 'figure'],
    ['ev', 'visit evidence'],
    ['near-miss', 'near miss'],
  ]
    .map(([cls, label]) => `<span class="${cls}">${label}</span>`)
    .join('');
  // The JSON goes inside a <script> element: "<" is escaped so no text can close it.
  const data = JSON.stringify(anns).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>envoy explain — ${escapeHtml(meta.id)}</title>
<style>${STYLE}</style></head>
<body>
<header><h1>${escapeHtml(doc.title ?? meta.id)}</h1>
<div><small>${escapeHtml(meta.source)} · reference date <b id="refdate">${escapeHtml(doc.referenceDate.value ?? 'none')}</b> (${doc.referenceDate.origin}) · ${doc.entities.length} entities · ${doc.dates.length} dates · ${doc.figures.length} figures · <span id="visit-count">${doc.events.length}</span> visits</small></div>
<div class="legend">${legend}</div></header>
<main>
<article id="article">${renderText(doc.text, anns)}</article>
<aside><div id="info">Hover or click a highlight to see the rule that found it and what it resolved to; click a visit card to see its evidence.</div>
<h2>Visits</h2><div id="visits">${doc.events.map(card).join('\n') || '<p>No visits found.</p>'}</div></aside>
</main>
<script type="application/json" id="annotations">${data}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
