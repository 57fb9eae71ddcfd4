import type { EntityManager } from 'typeorm';

/**
 * The project plan's figures: each organisation's net costs with its own 20 % and EU 80 % shares
 * (from the funding decision), and the work packages' objectives in brief.
 */
export const BUDGETS: Record<string, { netCosts: number; ownShare: number; euShare: number }> = {
  iso: { netCosts: 439_685, ownShare: 87_937, euShare: 351_748 },
  esavo: { netCosts: 575_639, ownShare: 115_128, euShare: 460_511 },
  kainuu: { netCosts: 596_181, ownShare: 119_236, euShare: 476_945 },
  psavo: { netCosts: 636_847, ownShare: 127_370, euShare: 509_477 },
};

export const OBJECTIVES: Record<string, string> = {
  TP1: 'Kehitetään ja pilotoidaan monialaisen tiimin toimintamalli vanhemmuuden tueksi ja juurrutetaan se alueiden työhön.',
  TP2: 'Kartoitetaan henkilöstön osaaminen ja vahvistetaan sitä koulutuksin ja työnohjauksellisella valmennuksella.',
  TP3: 'Kokeillaan palautetta ja tuloksia mittaavia menetelmiä (esim. FIT) asiakastyössä ja vakiinnutetaan toimivat.',
  TP4: 'Rakennetaan pysyvät tavat ottaa kokemusasiantuntijat mukaan kehittämiseen.',
  TP5: 'Hallinnoidaan ryhmähanketta, tiedotetaan, tuetaan yhteiskehittämistä sähköisellä alustalla ja arvioidaan vaikutuksia.',
};

/** Result and impact indicators of the project plan; the platform counts the last three itself. */
export const INDICATORS: { name: string; unit: string; source: string; target: number | null; baseline: number | null; description: string }[] = [
  { name: 'Monialaisen tiimin pilotit', unit: 'kpl', source: 'manual', target: 6, baseline: 0, description: 'Käynnistetyt monialaisen tiimin pilotit.' },
  { name: 'Koulutetut työntekijät', unit: 'henkilöä', source: 'manual', target: 300, baseline: 0, description: 'Henkilöstö, joka on osallistunut hankkeen koulutuksiin.' },
  { name: 'Käytössä olevat mittarit', unit: 'kpl', source: 'manual', target: 8, baseline: 1, description: 'Asiakastyössä vakiintuneet palaute- ja tulosmittarit.' },
  { name: 'Huostaanottojen osuus 12–17-vuotiaiden asiakkaiden perheistä', unit: '%', source: 'manual', target: null, baseline: 4.5, description: 'Viimesijaisten toimenpiteiden suunta (seurataan alueittain).' },
  { name: 'Pidetyt työpajat', unit: 'kpl', source: 'workshops-held', target: 40, baseline: null, description: 'Kehittämössä pidetyt työpajat.' },
  { name: 'Kokemusasiantuntijoiden kommentit', unit: 'kpl', source: 'expert-contributions', target: 200, baseline: null, description: 'Kokemusasiantuntijoiden julkaistut kommentit (vain määrä).' },
  { name: 'Valmiit toimintamallit', unit: 'kpl', source: 'models-ready', target: 4, baseline: null, description: 'Toimintamallikuvaukset, jotka ovat valmiita tai vakiintuneita.' },
];

export async function seedProgressPlan(manager: EntityManager, orgIds: Map<string, string>): Promise<void> {
  for (const [position, indicator] of INDICATORS.entries()) {
    await manager.query(
      `INSERT INTO progress_indicators (name, unit, source, target, baseline, description, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [indicator.name, indicator.unit, indicator.source, indicator.target, indicator.baseline, indicator.description, position],
    );
  }
  for (const [key, budget] of Object.entries(BUDGETS)) {
    await manager.query(`INSERT INTO progress_budgets (organisation_id, net_costs, own_share, eu_share) VALUES ($1, $2, $3, $4)`, [
      orgIds.get(key),
      budget.netCosts,
      budget.ownShare,
      budget.euShare,
    ]);
  }
  for (const [code, objective] of Object.entries(OBJECTIVES)) {
    await manager.query(`UPDATE work_packages SET objective = $2 WHERE code = $1`, [code, objective]);
  }
}

/**
 * Demo tasks, milestones and some months of actual costs (made up for the demo): enough for the
 * dashboard, the work-package pages and the burn chart to have something to show.
 */
export async function seedDemoProgress(manager: EntityManager, orgIds: Map<string, string>, owner: string): Promise<void> {
  const wp = async (code: string): Promise<string> => (await manager.query(`SELECT id FROM work_packages WHERE code = $1`, [code]))[0].id;
  const task = async (values: { wp: string; org: string; kind?: 'task' | 'milestone'; title: string; due: string; starts?: string; status: string; percent: number; parent?: string }) => {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO progress_tasks (work_package_id, organisation_id, parent_id, kind, title, owner_id, starts_on, due_on, status, percent, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $6) RETURNING id`,
      [await wp(values.wp), orgIds.get(values.org), values.parent ?? null, values.kind ?? 'task', values.title, owner, values.starts ?? null, values.due, values.status, values.percent],
    );
    return row.id;
  };
  const pilot = await task({ wp: 'TP1', org: 'kainuu', title: 'Monialaisen tiimin pilotti', starts: '2025-01-01', due: '2026-06-30', status: 'on-track', percent: 55 });
  await task({ wp: 'TP1', org: 'kainuu', title: 'Tiimin kokoonpano ja roolit', due: '2025-03-31', status: 'done', percent: 100, parent: pilot });
  await task({ wp: 'TP1', org: 'kainuu', title: 'Pilottiperheiden rekrytointi', due: '2025-09-30', status: 'done', percent: 100, parent: pilot });
  await task({ wp: 'TP1', org: 'kainuu', title: 'Pilotin väliarviointi', due: '2026-02-28', status: 'on-track', percent: 40, parent: pilot });
  await task({ wp: 'TP1', org: 'esavo', title: 'Tiimimallin kuvaus Innokylään', due: '2026-10-31', status: 'at-risk', percent: 30 });
  await task({ wp: 'TP2', org: 'psavo', title: 'Osaamiskartoitus', due: '2025-05-31', status: 'done', percent: 100 });
  await task({ wp: 'TP2', org: 'psavo', title: 'Koulutussarja henkilöstölle', starts: '2025-08-01', due: '2026-05-31', status: 'delayed', percent: 35 });
  await task({ wp: 'TP3', org: 'esavo', title: 'FIT-mittarien kokeilu', starts: '2025-02-01', due: '2026-03-31', status: 'on-track', percent: 60 });
  await task({ wp: 'TP4', org: 'iso', title: 'Kokemusasiantuntijoiden osallistumisen rakenne', due: '2026-04-30', status: 'on-track', percent: 50 });
  await task({ wp: 'TP4', org: 'iso', kind: 'milestone', title: 'Kokemusasiantuntijaverkosto koolla', due: '2025-11-30', status: 'done', percent: 100 });
  await task({ wp: 'TP5', org: 'iso', kind: 'milestone', title: 'Sähköinen yhteiskehittämisen alusta käytössä', due: '2025-12-31', status: 'done', percent: 100 });
  await task({ wp: 'TP5', org: 'iso', title: 'Väliraportti rahoittajalle', due: '2025-10-31', status: 'delayed', percent: 80 });
  // Personnel costs month by month from the start to October 2025 (about a third of each budget).
  for (const [key, monthly] of Object.entries({ iso: 10_500, esavo: 13_800, kainuu: 14_200, psavo: 15_100 })) {
    await manager.query(
      `INSERT INTO progress_costs (organisation_id, period, category, amount, note, entered_by)
       SELECT $1, month, 'personnel', $2, 'Palkat', $3 FROM generate_series(date '2024-08-01', date '2025-10-01', interval '1 month') AS month`,
      [orgIds.get(key), monthly, owner],
    );
    await manager.query(
      `INSERT INTO progress_costs (organisation_id, period, category, amount, note, entered_by) VALUES ($1, date '2025-03-01', 'travel', 1250, 'Yhteiskehittämispäivä', $2)`,
      [orgIds.get(key), owner],
    );
  }
  // Reports: Kainuu's spring quarter approved, Etelä-Savo's summer quarter waiting for a coordinator.
  const report = async (key: string, startsOn: string, endsOn: string, status: string, sections: { done: string; next: string; risks: string; support: string }) => {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO progress_reports (organisation_id, starts_on, ends_on, status, done, next, risks, support, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [orgIds.get(key), startsOn, endsOn, status, sections.done, sections.next, sections.risks, sections.support, owner],
    );
    for (const action of status === 'approved' ? ['created', 'submitted', 'approved'] : ['created', 'submitted']) {
      await manager.query(`INSERT INTO progress_report_events (report_id, action, actor_id) VALUES ($1, $2, $3)`, [row.id, action, owner]);
    }
  };
  await report('kainuu', '2026-04-01', '2026-06-30', 'approved', {
    done: 'Monialaisen tiimin pilotti jatkui; väliarvioinnin aineisto kerättiin.',
    next: 'Väliarvioinnin tulokset ja mallin tarkennus.',
    risks: 'Kesälomien aikainen sijaisuustilanne.',
    support: '',
  });
  await report('esavo', '2026-07-01', '2026-09-30', 'submitted', {
    done: 'FIT-mittarien kokeilu laajeni kahteen uuteen tiimiin.',
    next: 'Kokemusten kokoaminen ja tiimimallin kuvaus Innokylään.',
    risks: 'Tiimimallin kuvaus on myöhässä.',
    support: 'Apua Innokylä-kuvauksen kirjoittamiseen.',
  });
  // Indicator values entered by the regions: pilots and staff trained per quarter.
  const value = async (name: string, key: string, period: string, amount: number) =>
    manager.query(
      `INSERT INTO progress_indicator_values (indicator_id, organisation_id, period, value, entered_by)
       SELECT id, $2, $3, $4, $5 FROM progress_indicators WHERE name = $1`,
      [name, orgIds.get(key), period, amount, owner],
    );
  await value('Monialaisen tiimin pilotit', 'kainuu', '2025-01-01', 1);
  await value('Monialaisen tiimin pilotit', 'esavo', '2025-04-01', 1);
  await value('Monialaisen tiimin pilotit', 'psavo', '2025-07-01', 1);
  for (const [key, counts] of Object.entries({ esavo: [20, 35], kainuu: [18, 30], psavo: [25, 40] })) {
    await value('Koulutetut työntekijät', key, '2025-07-01', counts[0]);
    await value('Koulutetut työntekijät', key, '2025-10-01', counts[1]);
  }
}
