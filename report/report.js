/* entente report: lists and filters the meetings, shows their evidence.
   Hand-written for this page, no library. Every string of the data goes
   into the page as text (textContent), never as markup; a link is made only
   from an http(s) URL. */
(() => {
  'use strict';
  const PAGE = 100;
  const $ = (id) => document.getElementById(id);
  const root = document.documentElement;
  const state = { partner: null, theme: null, page: 0, current: -1 };
  let data = null;
  let shown = [];
  let evidence = null;

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function bytesOf(base64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
    const binary = atob(base64);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  /* Gzip-compressed JSON in base64, decoded. */
  async function unpack(base64) {
    const stream = new Blob([bytesOf(base64.trim())])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }

  /* The excerpts of meeting i: its block of the evidence, decoded once. */
  function excerptsOf(i) {
    if (evidence === null) evidence = { ...JSON.parse($('evidence-data').textContent), decoded: new Map() };
    const k = Math.floor(i / evidence.size);
    if (!evidence.decoded.has(k)) evidence.decoded.set(k, unpack(evidence.blocks[k]));
    return evidence.decoded.get(k).then((block) => block[i % evidence.size] || []);
  }

  function safeHref(url) {
    if (typeof url !== 'string') return null;
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (_) {
      return null;
    }
  }

  /* Meeting rows: [date, place, partner, kind, [people], [themes], article, meeting_id]. */
  const M = { date: 0, place: 1, partner: 2, kind: 3, people: 4, themes: 5, article: 6 };

  function applyFilter() {
    const p = state.partner === null ? -1 : data.partners.indexOf(state.partner);
    const t = state.theme === null ? -1 : data.themes.indexOf(state.theme);
    shown = [];
    data.meetings.forEach((m, i) => {
      if (state.partner !== null && m[M.partner] !== p) return;
      if (state.theme !== null && !m[M.themes].includes(t)) return;
      shown.push(i);
    });
    state.page = 0;
    describeFilter();
    markPressed();
    renderPage();
  }

  function describeFilter() {
    const n = shown.length;
    const noun = n === 1 ? 'meeting' : 'meetings';
    let text;
    if (state.partner === null && state.theme === null) {
      text = `All ${n} ${noun}.`;
    } else if (state.theme === null) {
      text = `${n} ${noun} with ${state.partner}.`;
    } else if (state.partner === null) {
      text = `${n} ${noun} that discussed ${state.theme}.`;
    } else {
      const p = data.partners.indexOf(state.partner);
      const all = data.meetings.filter((m) => m[M.partner] === p).length;
      const pct = all ? Math.round((100 * n) / all) : 0;
      text = `${n} ${noun} with ${state.partner} that discussed ${state.theme} (${pct}% of its ${all}).`;
    }
    $('filter-status').textContent = text;
    $('clear-filter').hidden = state.partner === null && state.theme === null;
  }

  function markPressed() {
    document.querySelectorAll('button[aria-pressed]').forEach((b) => {
      const on =
        (b.dataset.partner || null) === state.partner && (b.dataset.theme || null) === state.theme;
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }

  function renderPage() {
    const body = $('meetings-body');
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    const first = state.page * PAGE;
    const rows = document.createDocumentFragment();
    shown.slice(first, first + PAGE).forEach((i) => {
      const m = data.meetings[i];
      const tr = el('tr');
      tr.dataset.meeting = String(i);
      tr.dataset.id = m[7];
      if (i === state.current) tr.className = 'current';
      const open = el('button', m[M.date] || 'date unknown');
      open.type = 'button';
      open.dataset.open = String(i);
      open.title = 'Show the evidence of this meeting';
      const date = el('td');
      date.appendChild(open);
      tr.appendChild(date);
      tr.appendChild(el('td', m[M.place] >= 0 ? data.places[m[M.place]] : ''));
      tr.appendChild(el('td', data.partners[m[M.partner]]));
      tr.appendChild(el('td', data.kinds[m[M.kind]]));
      tr.appendChild(el('td', m[M.people].map((k) => data.people[k]).join(', ')));
      tr.appendChild(el('td', m[M.themes].map((k) => data.themes[k]).join(', ')));
      rows.appendChild(tr);
    });
    body.replaceChildren(rows);
    $('page-status').textContent = shown.length
      ? `${first + 1}–${Math.min(first + PAGE, shown.length)} of ${shown.length}`
      : 'no meeting';
    $('prev-page').disabled = state.page === 0;
    $('next-page').disabled = state.page >= pages - 1;
  }

  function appendExcerpt(parent, pieces) {
    const quote = el('blockquote');
    pieces.forEach((piece) => {
      if (typeof piece === 'string') {
        quote.appendChild(document.createTextNode(piece));
        return;
      }
      const [text, label] = piece;
      const mark = el('mark', text, label < 0 ? 'cue' : 'trigger');
      const name = label < 0 ? 'meeting' : data.themes[label];
      mark.dataset.theme = name;
      mark.title = label < 0 ? 'words reporting the meeting' : `trigger of ${name}`;
      mark.appendChild(el('span', ` (${name})`, 'visually-hidden'));
      quote.appendChild(mark);
    });
    parent.appendChild(quote);
  }

  async function showEvidence(i) {
    state.current = i;
    document.querySelectorAll('#meetings-body tr').forEach((tr) => {
      tr.className = tr.dataset.meeting === String(i) ? 'current' : '';
    });
    const panel = $('evidence-body');
    const excerpts = await excerptsOf(i);
    if (state.current !== i) return;
    const m = data.meetings[i];
    const [title, published, url] = data.articles[m[M.article]];
    const out = document.createDocumentFragment();
    out.appendChild(el('h3', title || '(untitled article)'));
    const meta = el('p', published ? `Published ${published}. ` : 'Publication date unknown. ', 'meta');
    const href = safeHref(url);
    if (href) {
      const a = el('a', href);
      a.href = href;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      meta.appendChild(document.createTextNode('Source: '));
      meta.appendChild(a);
    } else {
      meta.appendChild(document.createTextNode('No web source.'));
    }
    out.appendChild(meta);
    const what = [m[M.date] || 'date unknown', data.partners[m[M.partner]], data.kinds[m[M.kind]]];
    if (m[M.place] >= 0) what.push(data.places[m[M.place]]);
    out.appendChild(el('p', `Meeting: ${what.join(' · ')}.`, 'meta'));
    out.appendChild(el('h4', "The meeting's sentence"));
    if (excerpts.length) appendExcerpt(out, excerpts[0]);
    if (excerpts.length > 1) {
      out.appendChild(el('h4', 'Where its themes are named'));
      excerpts.slice(1).forEach((e) => appendExcerpt(out, e));
    }
    if (!m[M.themes].length) out.appendChild(el('p', 'No theme found for this meeting.', 'muted'));
    panel.replaceChildren(out);
    $('evidence-title').focus();
  }

  function select(partner, theme) {
    state.partner = partner;
    state.theme = theme;
    applyFilter();
    $('meetings').focus();
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || data === null) return;
    const open = target.closest('button[data-open]');
    if (open) {
      showEvidence(Number(open.dataset.open));
      return;
    }
    const pick = target.closest('button[data-partner], button[data-theme]');
    if (pick) select(pick.dataset.partner || null, pick.dataset.theme || null);
  });
  $('clear-filter').addEventListener('click', () => select(null, null));
  $('prev-page').addEventListener('click', () => {
    state.page = Math.max(0, state.page - 1);
    renderPage();
  });
  $('next-page').addEventListener('click', () => {
    state.page += 1;
    renderPage();
  });

  (async () => {
    if (typeof DecompressionStream !== 'function') {
      throw new Error(
        'this browser cannot read the embedded data (it needs DecompressionStream: Chrome 80, Firefox 113, Safari 16.4 or later)'
      );
    }
    data = await unpack($('rows-data').textContent);
    applyFilter();
    root.dataset.readyMs = String(Math.round(performance.now()));
    root.dataset.state = 'ready';
  })().catch((error) => {
    root.dataset.state = 'error';
    $('filter-status').textContent = `The page could not load its data: ${error.message}`;
  });
})();
