#!/usr/bin/env node
// npm run bench:search — Finnish full-text search over model descriptions through the API
// (GET /api/model-descriptions?q=…): imports BENCH_MODELS (1,000) descriptions of realistic
// length (~2,000 words each, nine Innokylä fields and a structure, each about three of ten
// topics) through the JSON import,
// then runs every query BENCH_ROUNDS times and reports p50/p95/p99 per query and overall.
// Writes docs/benchmarks/model-search.json and .md (BENCH_OUT_DIR to write elsewhere).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { root, startKehittamoServer } from './kehittamo-server.mjs';
import { writeReport } from './report.mjs';

const modelCount = Number(process.env.BENCH_MODELS ?? 1000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);

// A deterministic generator, so every run searches the same corpus.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];

// Descriptions differ in what they are about: each draws on three of these topics (inflected
// forms as they occur in real text, so stemming is exercised), on common words, and on a long
// tail of rarer words, as real texts do (~40 % of running words are common function words).
const TOPICS = [
  'vanhemmuus vanhemmuuden vanhemmuutta vanhemmat vanhempien vanhemmille kasvatus kasvatuksen arki arjen rutiinit',
  'lastensuojelu lastensuojelun lastensuojelussa avohuolto avohuollon sijaishuolto sijaishuollon asiakkuus asiakkuuden',
  'kokemusasiantuntija kokemusasiantuntijan kokemusasiantuntijat kokemustieto kokemustiedon osallisuus osallisuutta vertaistuki',
  'perhetyö perhetyön kotikäynti kotikäynnit kotikäynnillä perhetyöntekijä tapaaminen tapaamisessa',
  'verkosto verkoston verkostotyö yhteistyö yhteistyössä moniammatillinen moniammatillisen koulu koulun päiväkoti',
  'arviointi arvioinnin mittari mittarit mittareiden vaikuttavuus vaikuttavuuden tulokset tulosten seuranta',
  'asiakasymmärrys asiakasymmärryksen palvelupolku palvelupolun palvelutarve palvelutarpeen arviointijakso',
  'koulutus koulutuksen perehdytys perehdytyksen osaaminen osaamisen työnohjaus työnohjauksen esihenkilö',
  'nuori nuoren nuoret nuorten jälkihuolto jälkihuollon itsenäistyminen itsenäistymisen asuminen',
  'digitaalinen digitaalisen etätapaaminen etätapaamiset sovellus sovelluksen chat verkkopalvelu verkkopalvelun',
].map((t) => t.split(' '));
const COMMON = 'ja sekä että mutta kun jos myös joka jotka on ovat oli voi voidaan tulee hyvin yhdessä aina usein heti ennen jälkeen aikana perhe perheen lapsi lapsen työntekijä palvelu tuki malli'.split(' ');
// Rarer words: built from Finnish-like syllables, a few thousand of them.
const SYLLABLES = 'ka ko ku ki ta to tu ti la lo lu li ma mo mu mi na no nu ni pa po pu pi sa so su si va vo vu vi ha ho hu hi ja jo ju ke te le me ne pe se ve he'.split(' ');
const RARE = Array.from({ length: 4000 }, () => Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('') + pick(['n', 'ssa', 'lla', 'a', 'en', 'ja', '']));
let topics = TOPICS.slice(0, 3);
const word = () => {
  const r = random();
  if (r < 0.4) return pick(COMMON);
  if (r < 0.7) return pick(pick(topics));
  return RARE[Math.floor(RARE.length * random() ** 2)]; // Zipf-like: some rare words far more often than others
};
const sentence = () => {
  const n = 8 + Math.floor(random() * 12);
  const words = Array.from({ length: n }, word);
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
};
const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
const rich = (paragraphs) => ({ type: 'doc', content: Array.from({ length: paragraphs }, () => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph() }] })) });

function description(i) {
  const shuffled = [...TOPICS].sort(() => random() - 0.5);
  topics = shuffled.slice(0, 3);
  return {
    format: 'kehittamo.model-description',
    formatVersion: 1,
    name: `${pick(['Perhetyön', 'Vanhemmuuden tuen', 'Verkostotyön', 'Vertaisryhmän', 'Kotikäyntien'])} malli ${i}`,
    phase: pick(['idea', 'in-development', 'piloting', 'ready']),
    workPackages: [pick(['TP1', 'TP2', 'TP3', 'TP4'])],
    tags: [pick(['perhetyö', 'vanhemmuus', 'verkosto', 'osallisuus'])],
    exportedAt: new Date().toISOString(),
    content: {
      facts: { summary: sentence(), place: 'Itä-Suomi', organisations: pick(['Kainuun hyvinvointialue', 'Etelä-Savon hyvinvointialue', 'Pohjois-Savon hyvinvointialue']), funders: 'ESR+', authors: 'Kehittäjätiimi' },
      sections: { basicIdea: rich(5), environment: rich(3), targetGroup: rich(4), conditions: rich(4), evaluation: rich(3), tips: rich(3) },
      structure: Array.from({ length: 5 }, (_, s) => ({ id: `s${s}`, title: sentence().slice(0, 60), body: rich(2) })),
    },
  };
}

// Common and rare words, several words, a phrase, an exclusion, a word no description has, and one in every description.
const QUERIES = ['vanhemmuuden', 'vanhemmuus', 'lastensuojelun asiakkuus', 'kokemusasiantuntijat', 'perhetyö kotikäynti', 'asiakasymmärrys', 'mittareiden', '"moniammatillinen yhteistyö"', 'nuorten -koulu', 'harvinainensana', 'perheen'];

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const server = await startKehittamoServer();
try {
  const spaces = await (await server.get('/api/spaces')).json();
  const spaceId = spaces.find((s) => s.kind === 'project').id;
  let words = 0;
  const importStarted = performance.now();
  for (let i = 0; i < modelCount; i++) {
    const body = description(i);
    words += JSON.stringify(body.content).split(' ').length;
    const created = await server.post(`/api/model-descriptions/import?spaceId=${spaceId}`, body);
    if (!created.id) throw new Error(`import failed: ${JSON.stringify(created).slice(0, 300)}`);
  }
  const importS = (performance.now() - importStarted) / 1000;
  console.log(`imported ${modelCount} descriptions (~${Math.round(words / modelCount)} words each) in ${importS.toFixed(1)} s`);
  // After a bulk import, what autovacuum does within a minute on a running server: statistics
  // and the visibility map, so the planner sees the new rows (measured without it, the first
  // rounds were slower while autovacuum ran).
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  await db.query('VACUUM ANALYZE');
  await db.end();
  // Warm-up: plans and caches, as on a running server.
  for (const q of QUERIES) await (await server.get(`/api/model-descriptions?q=${encodeURIComponent(q)}`)).json();
  const all = [];
  const perQuery = [];
  for (const q of QUERIES) {
    const times = [];
    let hits = 0;
    for (let r = 0; r < rounds; r++) {
      const started = performance.now();
      const res = await server.get(`/api/model-descriptions?q=${encodeURIComponent(q)}`);
      const body = await res.json();
      times.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${JSON.stringify(body)}`);
      hits = body.length;
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    perQuery.push({ q, hits, p50Ms: pct(times, 50), p95Ms: pct(times, 95), maxMs: times.at(-1) });
    console.log(`${q}: ${hits} hits, p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
  }
  // Exports of one large description (~25,000 words): target under 2 s each.
  const large = description('iso');
  large.name = 'Laaja toimintamallikuvaus';
  for (const key of Object.keys(large.content.sections)) large.content.sections[key] = rich(50);
  large.content.structure = Array.from({ length: 20 }, (_, s) => ({ id: `l${s}`, title: sentence().slice(0, 60), body: rich(6) }));
  const largeWords = JSON.stringify(large.content).split(' ').length;
  const { id: largeId } = await server.post(`/api/model-descriptions/import?spaceId=${spaceId}`, large);
  const exports = [];
  for (const format of ['json', 'md', 'docx', 'pdf']) {
    const times = [];
    let bytes = 0;
    for (let r = 0; r < 5; r++) {
      const started = performance.now();
      const res = await server.get(`/api/model-descriptions/${largeId}/export/${format}`);
      bytes = (await res.arrayBuffer()).byteLength;
      times.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`export ${format}: ${res.status}`);
    }
    times.sort((a, b) => a - b);
    exports.push({ format, bytes, p50Ms: pct(times, 50), maxMs: times.at(-1) });
    console.log(`export ${format} (${largeWords} words): ${bytes} bytes, p50 ${pct(times, 50).toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`);
  }
  all.sort((a, b) => a - b);
  const overall = { p50Ms: pct(all, 50), p95Ms: pct(all, 95), p99Ms: pct(all, 99), requests: all.length };
  console.log(`overall: p50 ${overall.p50Ms.toFixed(1)} ms, p95 ${overall.p95Ms.toFixed(1)} ms, p99 ${overall.p99Ms.toFixed(1)} ms`);
  const report = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, models: modelCount, wordsPerModel: Math.round(words / modelCount), rounds, overall, perQuery, exportWords: largeWords, exports };
  const outDir = process.env.BENCH_OUT_DIR ? resolve(process.env.BENCH_OUT_DIR) : join(root, 'docs/benchmarks');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'model-search.json'), JSON.stringify(report, null, 2) + '\n');
  const f = (n) => n.toFixed(1);
  // The hand-written reading of the figures (from "## Reading these figures" on) is kept across runs.
  writeReport(
    join(outDir, 'model-search.md'),
    `# Model description search benchmark

Generated by \`npm run bench:search\` on ${report.date} (Node ${report.node}, ${report.cpus} cores; server pinned to one core,
PostgreSQL unpinned). ${modelCount} descriptions of ~${report.wordsPerModel} words each (six sections, a five-part structure,
basic facts; each about three of ten topics, with common words and a long tail of rarer ones) imported through
\`POST /api/model-descriptions/import\`; each query run ${rounds} times through \`GET /api/model-descriptions?q=…\` as the
demo developer (the first page of ranked hits, 20, each with a highlighted snippet; "perheen" is in every description).
**Target (issue 4): p95 ≤ 30 ms.**

| | requests | p50 ms | p95 ms | p99 ms |
| --- | --- | --- | --- | --- |
| all queries | ${overall.requests} | ${f(overall.p50Ms)} | ${f(overall.p95Ms)} | ${f(overall.p99Ms)} |

| query | hits | p50 ms | p95 ms | max ms |
| --- | --- | --- | --- | --- |
${perQuery.map((r) => `| \`${r.q}\` | ${r.hits} | ${f(r.p50Ms)} | ${f(r.p95Ms)} | ${f(r.maxMs)} |`).join('\n')}

## Exports

One large description (~${largeWords.toLocaleString('en')} words: six sections of 50 paragraphs, a 20-part structure), each export
fetched 5 times (\`GET /api/model-descriptions/:id/export/<format>\`, live content read and rendered per request).
**Target (issue 4): under 2 s.**

| format | size KB | p50 ms | max ms |
| --- | --- | --- | --- |
${exports.map((e) => `| ${e.format} | ${(e.bytes / 1024).toFixed(0)} | ${e.p50Ms.toFixed(0)} | ${e.maxMs.toFixed(0)} |`).join('\n')}
`,
  );
} finally {
  await server.stop();
}
