import type { EntityManager } from 'typeorm';

/**
 * Demo peer-learning material (fictional, written for this platform): a webinar recording link
 * and an induction checklist in the project space, gathered into a learning path, and a
 * Kainuu-only note in the region's private space. Files are uploaded by people, not seeded.
 */
export async function seedDemoMaterials(
  manager: EntityManager,
  input: { project: string; kainuu: string; kainuuOrganisation: string; author: string },
): Promise<void> {
  const insert = async (values: { space: string; kind: 'link' | 'note'; title: string; description: string; tags: string[]; wps: string[]; type: string; url?: string; body?: string; organisation?: string }) => {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO materials (space_id, kind, title, description, tags, work_packages, organisation_id, type, language, url, body, created_by, view_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'fi', $9, $10, $11, 3) RETURNING id`,
      [values.space, values.kind, values.title, values.description, values.tags, values.wps, values.organisation ?? null, values.type, values.url ?? null, values.body ?? null, input.author],
    );
    return row.id;
  };
  const webinar = await insert({
    space: input.project,
    kind: 'link',
    title: 'Webinaari: monialainen tiimityö perhepalveluissa',
    description: 'Tallenne hankkeen yhteisestä webinaarista. Kesto noin tunti.',
    tags: ['webinaari', 'tiimityö'],
    wps: ['TP2'],
    type: 'recording',
    url: 'https://www.innokyla.fi/',
  });
  const checklist = await insert({
    space: input.project,
    kind: 'note',
    title: 'Perehdytyksen muistilista uudelle työntekijälle',
    description: 'Mitä uuden työntekijän on hyvä tietää ensimmäisellä viikolla.',
    tags: ['perehdytys'],
    wps: ['TP4'],
    type: 'guide',
    body: [
      'Ensimmäisellä viikolla:',
      '',
      '- tutustu hankkeen **toimintamalleihin** Kehittämössä',
      '- sovi tapaaminen oman alueen koordinaattorin kanssa',
      '- lue kokemusasiantuntijoiden kommentit malleista',
    ].join('\n'),
  });
  await insert({
    space: input.kainuu,
    kind: 'note',
    title: 'Kainuun pilotin havainnot',
    description: 'Alueen oma muistiinpano; näkyy vain Kainuun työtilassa.',
    tags: ['pilotti'],
    wps: ['TP2'],
    type: 'other',
    organisation: input.kainuuOrganisation,
    body: 'Pilotin ensimmäiset viikot: perheet kokivat yhteisen suunnitelman selkeäksi.',
  });
  const [path]: { id: string }[] = await manager.query(
    `INSERT INTO material_collections (space_id, title, description, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.project, 'Johdatus hankkeeseen uusille työntekijöille', 'Aloita tästä: kaksi lyhyttä materiaalia.', input.author],
  );
  await manager.query(
    `INSERT INTO material_collection_items (collection_id, material_id, position) VALUES ($1, $2, 0), ($1, $3, 1)`,
    [path.id, checklist, webinar],
  );
}
