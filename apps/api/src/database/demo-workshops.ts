import { DocumentStore } from '@kehittamo/collab/server';
import { initialLiveState } from '@kehittamo/server/boards';
import { CollabDocumentRegistry } from '@kehittamo/server/data-access';
import { addItem, applyTemplate, boardOutline, boardProjection, readBoard } from '@kehittamo/shared/board-content';
import { builtInTemplateItems } from '@kehittamo/shared/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';

/*
 * A demo workshop in the project space, tomorrow morning: a "what, when, where, who" board with
 * a few notes (written for this platform), an agenda, the demo facilitator leading and the
 * developer, the experience expert and the coordinator invited.
 */

const NOTES: [frame: number, text: string, colour: 'yellow' | 'green' | 'blue' | 'pink'][] = [
  [0, 'Apua iltojen rutiineihin, kun nuori ei tule ajoissa kotiin', 'yellow'],
  [0, 'Vertaistukea muilta vanhemmilta', 'green'],
  [1, 'Heti kun huoli herää, ei vasta kriisissä', 'pink'],
  [2, 'Kotona tai lähellä kotia, ei aina toimistolla', 'blue'],
  [3, 'Tuttu työntekijä, joka pysyy samana', 'yellow'],
];

export async function seedDemoWorkshop(
  manager: EntityManager,
  spaceId: string,
  people: { facilitator: string; participants: string[] },
  modelIds: string[],
): Promise<void> {
  const registry = new CollabDocumentRegistry(manager.connection);
  const store = new DocumentStore(manager.connection);
  const boardId = randomUUID();
  const docName = await registry.register(manager, 'board', boardId, spaceId);
  const doc = new Y.Doc();
  applyTemplate(doc, builtInTemplateItems('support', 'fi'));
  const frames = boardOutline(readBoard(doc)).frames.map((f) => f.frame.id);
  for (const [frame, text, colour] of NOTES) addItem(doc, { type: 'note', text, colour, frame: frames[frame], author: 'Kehittäjä (demo)' });
  await store.writeInitial(manager, docName, Y.encodeStateAsUpdate(doc), boardProjection(doc));
  await manager.query(`INSERT INTO boards (id, space_id, title, doc_name, created_by) VALUES ($1, $2, $3, $4, $5)`, [
    boardId,
    spaceId,
    'Millaista tukea vanhemmat tarvitsevat?',
    docName,
    people.facilitator,
  ]);
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + 1);
  start.setUTCHours(7, 0, 0, 0); // 9.00 in Finland in winter
  const end = new Date(start.getTime() + 3 * 3600_000);
  const agenda = [
    { id: randomUUID(), title: 'Tervetuloa ja tavoitteet', minutes: 15, boardId: null, frameId: null },
    { id: randomUUID(), title: 'Mitä tukea, milloin, missä ja kuka?', minutes: 60, boardId, frameId: null },
    { id: randomUUID(), title: 'Äänestys ja seuraavat askeleet', minutes: 30, boardId, frameId: null },
  ];
  const workshopId = randomUUID();
  await manager.query(
    `INSERT INTO workshops (id, space_id, title, description, location, starts_at, ends_at, main_board_id, agenda, live, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      workshopId,
      spaceId,
      'Vanhemmuuden tuen yhteiskehittämisen työpaja',
      'Kootaan yhdessä, millaista tukea vanhemmat tarvitsevat ja milloin. Mukana kaikki neljä organisaatiota ja kokemuskumppanit.',
      'Etänä (linkki kalenterikutsussa)',
      start.toISOString(),
      end.toISOString(),
      boardId,
      JSON.stringify(agenda),
      JSON.stringify(initialLiveState()),
      people.facilitator,
    ],
  );
  await manager.query(
    `INSERT INTO workshop_people (workshop_id, user_id, facilitator) SELECT $1, u, u = $3 FROM unnest($2::uuid[]) AS u`,
    [workshopId, [people.facilitator, ...people.participants], people.facilitator],
  );
  for (const modelId of modelIds) await manager.query(`INSERT INTO workshop_models (workshop_id, model_id) VALUES ($1, $2)`, [workshopId, modelId]);
}
